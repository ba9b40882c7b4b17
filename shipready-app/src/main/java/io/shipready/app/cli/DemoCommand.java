package io.shipready.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.app.lines.LineProfile;
import io.shipready.app.lines.LineProfiles;
import io.shipready.core.ShipreadyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipready demo}: every station of the bundled lines on simulated units, some made to fail,
 * into one store and one output folder, with a summary per line. What a newcomer runs first.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run every station of the bundled lines (each lines/<name>/line.yaml: Afero, Azure Sphere,"
            + " Particle) on simulated units, some made to fail, into one SQLite store and an"
            + " output folder; print a summary per line and where the records, factory files and"
            + " labels are.")
public final class DemoCommand implements Callable<Integer> {
  /** Where the failure reasons wrap: a terminal's width, less a margin. */
  private static final int WIDTH = 100;

  /** What the demo writes where a line's station config template says CHANGE_ME. */
  private static final Map<String, String> DEMO_VALUES =
      Map.ofEntries(
          Map.entry("computerName", "\"Demo PC – Linie 1\""),
          Map.entry("programmerName", "demo"),
          Map.entry("timeZone", ZoneId.systemDefault().getId()),
          Map.entry("outputFolder", "files"),
          Map.entry("archiveFolder", "archive"),
          Map.entry("partNo", "DEMO-100-01"),
          Map.entry("manufacturer", "Demo Manufacturing"),
          Map.entry("factory", "Demo Factory"),
          Map.entry("hwVersion", "\"1.0\""),
          Map.entry("regionCode", "DE"));

  /** An identifier of a unit that passed, to show how to trace one. */
  private String example;

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  /** Under work/, where the walkthrough in the docs puts everything it makes (git ignores it). */
  static final String DEFAULT_OUT = "work/demo";

  @Option(
      names = "--out",
      defaultValue = DEFAULT_OUT,
      paramLabel = "DIR",
      description =
          "Where the store, the factory files and the labels go (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--lines",
      paramLabel = "DIR",
      description = "The bundled line profiles (default: lines/ here, or beside the program).")
  Path lines;

  @Option(names = "--units", defaultValue = "8", description = "Units per station.")
  int units;

  @Option(names = "--seed", defaultValue = "7", description = "Same seed, same units and faults.")
  long seed;

  @Option(
      names = "--fail-rate",
      defaultValue = "0.15",
      description = "Share of units given a fault at each station (default ${DEFAULT-VALUE}).")
  double failRate;

  @Option(
      names = "--cfx-mqtt",
      paramLabel = "URL",
      description =
          "Publish each station's IPC-CFX messages to this MQTT broker (tcp://host:1883), on topic"
              + " cfx/shipready.demo.<station>.")
  String cfxMqtt;

  @Option(
      names = "--cfx-amqp",
      paramLabel = "URL",
      description =
          "Publish each station's IPC-CFX messages to this AMQP 1.0 broker"
              + " (amqp://user@host:5672; password from $SHIPREADY_CFX_AMQP_PASSWORD).")
  String cfxAmqp;

  @Option(
      names = "--cfx-address",
      paramLabel = "ADDRESS",
      defaultValue = "/exchange/amq.topic/cfx",
      description = "The AMQP target address for --cfx-amqp (default ${DEFAULT-VALUE}).")
  String cfxAddress;

  @Override
  public Integer call() throws IOException {
    Path lineRoot = LineProfiles.root(lines);
    Files.createDirectories(out);
    Path db = out.resolve("demo.db").toAbsolutePath();
    PrintWriter console = spec.commandLine().getOut();
    console.println(
        "shipready demo: every bundled line on " + units + " simulated units per station");
    console.println();
    boolean allRan = true;
    // The lines are whatever line profiles the folder holds, each station in its line's order.
    for (LineProfile line : LineProfiles.all(lineRoot)) {
      List<LineProfile.LineStation> stations =
          line.stations().stream().filter(LineProfile.LineStation::demo).toList();
      if (stations.isEmpty()) {
        continue;
      }
      Path lineOut = Files.createDirectories(out.resolve(line.folder().getFileName().toString()));
      console.println(line.name());
      for (LineProfile.LineStation station : stations) {
        Path config = filledConfig(line.folder(), lineOut, station.name());
        addCfx(config, station.name());
        allRan &= runStation(console, station.recipe(), config, db, station.name());
      }
      listOutputs(console, lineOut.resolve("files"));
      console.println();
    }
    console.println("records: " + db);
    console.println("  trace any unit by whatever is printed on it:");
    console.println(
        "    bin/shipready trace "
            + (example != null ? example : "<serial, device id, IMEI...>")
            + " --db "
            + db);
    console.println(
        "  export them as OpenHTF test records:  bin/shipready export --format openhtf --db "
            + db
            + " --out "
            + db.resolveSibling("openhtf"));
    console.println(
        "  the shift report:  bin/shipready report --db "
            + db
            + " --html "
            + db.resolveSibling("shift-report.html"));
    console.flush();
    return allRan ? 0 : 1;
  }

  private boolean runStation(PrintWriter console, Path recipe, Path config, Path db, String station)
      throws IOException {
    JsonNode summary;
    try {
      summary =
          InProcessRun.summary(
              List.of(
                  "--recipe",
                  recipe.toString(),
                  "--simulate",
                  Integer.toString(units),
                  "--seed",
                  Long.toString(seed),
                  "--fail-rate",
                  Double.toString(failRate),
                  "--time-scale",
                  "0.002",
                  "--config",
                  config.toString(),
                  "--db",
                  db.toString()));
    } catch (ShipreadyException notRun) {
      console.printf(Locale.ROOT, "  %-14s did not run: %s%n", station, notRun.getMessage());
      return false;
    }
    console.printf(
        Locale.ROOT,
        "  %-14s %2d units: %2d PASS, %d FAIL, %d ERROR   first-pass yield %3.0f %%%n",
        station,
        summary.get("units").asInt(),
        summary.get("pass").asInt(),
        summary.get("fail").asInt(),
        summary.get("error").asInt(),
        100 * summary.get("first_pass_yield").asDouble());
    for (JsonNode unit : summary.get("runs")) {
      if (example == null && unit.get("outcome").asText().equals("PASS")) {
        JsonNode ids = unit.get("identifiers");
        example =
            ids.has("serial") ? ids.get("serial").asText() : ids.path("device_id").asText(null);
      }
      if (!unit.get("outcome").asText().equals("PASS")) {
        String head =
            String.format(
                Locale.ROOT,
                "      unit %-3d %-6s at %s: ",
                unit.get("unit").asInt(),
                unit.get("outcome").asText(),
                unit.get("failed_step").asText());
        console.println(wrapped(head, unit.get("message").asText()));
      }
    }
    return true;
  }

  private void listOutputs(PrintWriter console, Path files) throws IOException {
    if (!Files.isDirectory(files)) {
      return;
    }
    List<Path> made = new ArrayList<>();
    try (Stream<Path> listing = Files.list(files)) {
      listing.filter(Files::isRegularFile).sorted().forEach(made::add);
    }
    for (Path file : made) {
      console.println("  file   " + file);
    }
    Path labels = files.resolve("labels");
    if (Files.isDirectory(labels)) {
      long count;
      try (Stream<Path> listing = Files.list(labels)) {
        count = listing.count();
      }
      if (count > 0) {
        console.println("  labels " + labels + " (" + count + " ZPL files)");
      }
    }
  }

  /**
   * The line's station config template with every CHANGE_ME filled in with demo values, written to
   * {@code lineOut/station-config-STATION.yaml}; its output folder is {@code lineOut/files}.
   */
  public static Path filledConfig(Path profile, Path lineOut, String station) throws IOException {
    Path template = profile.resolve("station-config.template.yaml");
    if (!Files.isRegularFile(template)) {
      throw new ShipreadyException(
          template + " is missing; every bundled line needs its station config template");
    }
    StringBuilder filled = new StringBuilder();
    for (String line : Files.readString(template).split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("#") && trimmed.contains("CHANGE_ME")) {
        String key = trimmed.split(":", 2)[0].strip();
        String value =
            key.equals("stationId")
                ? "DEMO-" + station.toUpperCase(Locale.ROOT)
                : DEMO_VALUES.getOrDefault(key, "demo");
        line = line.replace("CHANGE_ME", value);
      }
      filled.append(line).append('\n');
    }
    Path config = lineOut.resolve("station-config-" + station + ".yaml");
    Files.writeString(config, filled);
    return config;
  }

  /**
   * The reason in full after its head, wrapped at {@link #WIDTH} with the following lines under its
   * first word: the reason is what the demo is for, so none of it is cut.
   */
  static String wrapped(String head, String reason) {
    String indent = " ".repeat(head.length());
    StringBuilder text = new StringBuilder(head);
    int lineStart = 0;
    boolean first = true;
    for (String word : reason.strip().split("\\s+")) {
      if (!first && text.length() - lineStart + 1 + word.length() > WIDTH) {
        text.append(System.lineSeparator());
        lineStart = text.length();
        text.append(indent);
      } else if (!first) {
        text.append(' ');
      }
      text.append(word);
      first = false;
    }
    return text.toString();
  }

  /** The cfx section the --cfx-* options ask for, added to a station's filled-in config. */
  private void addCfx(Path config, String station) throws IOException {
    if (cfxMqtt == null && cfxAmqp == null) {
      return;
    }
    StringBuilder section = new StringBuilder("cfx:\n");
    section
        .append("  handle: shipready.demo.")
        .append(station.toLowerCase(Locale.ROOT))
        .append('\n');
    if (cfxMqtt != null) {
      section.append("  mqtt: \"").append(cfxMqtt).append("\"\n");
    }
    if (cfxAmqp != null) {
      section.append("  amqp: \"").append(cfxAmqp).append("\"\n");
      section.append("  address: \"").append(cfxAddress).append("\"\n");
    }
    Files.writeString(config, section.toString(), java.nio.file.StandardOpenOption.APPEND);
  }
}
