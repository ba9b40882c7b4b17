package io.shipready.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.shipready.app.lines.LineProfile;
import io.shipready.app.lines.LineProfiles;
import io.shipready.app.packing.Packing;
import io.shipready.app.packing.PackingOrder;
import io.shipready.app.packing.PackingResult;
import io.shipready.core.ShipreadyException;
import io.shipready.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipready demo}: the whole chain on simulated units, some made to fail: every station of
 * the bundled lines into one store and one output folder with a summary per line, then the back
 * office's side (upload, ingestion, receipt, provisioning) and one unit's trace. What a newcomer
 * runs first.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole chain on simulated units, some made to fail: every station of the bundled"
            + " lines (each lines/<name>/line.yaml: Afero, Azure Sphere, Particle) into one SQLite"
            + " store and an output folder; then today's factory files uploaded to a back office"
            + " started on loopback, its receipt compared with what was sent, the queued Particle"
            + " units provisioned through its API, and one unit's whole trace. A previous run in"
            + " the same folder is moved aside into previous-<date>-<time>.")
public final class DemoCommand implements Callable<Integer> {
  /** Units per carton when the demo packs: small, so a shipment shows several cartons. */
  private static final int CARTON_SIZE = 4;

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
    List<LineProfile> demoLines =
        LineProfiles.all(lineRoot).stream()
            .filter(line -> line.stations().stream().anyMatch(LineProfile.LineStation::demo))
            .toList();
    PrintWriter console = spec.commandLine().getOut();
    Optional<Path> previous =
        DemoOutFolder.startClean(
            out,
            demoLines.stream().map(line -> line.folder().getFileName().toString()).toList(),
            LocalDateTime.now());
    Path db = out.resolve("demo.db").toAbsolutePath();
    console.println(
        "shipready demo: every bundled line on " + units + " simulated units per station");
    previous.ifPresent(
        aside ->
            console.println(
                "  (the previous demo's records and files were moved to "
                    + aside
                    + "; this run starts clean)"));
    console.println();
    // The back office starts while the stations run: it has keys to make and tables to migrate.
    CompletableFuture<DemoBackoffice> startingBackoffice =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return DemoBackoffice.start(out.resolve("backoffice"));
              } catch (IOException failed) {
                throw new UncheckedIOException(failed);
              }
            });
    try {
      return chain(console, demoLines, db, startingBackoffice);
    } finally {
      // Closed already when the chain got that far; otherwise it must not outlive the command.
      startingBackoffice.thenAccept(DemoBackoffice::close);
    }
  }

  private int chain(
      PrintWriter console,
      List<LineProfile> demoLines,
      Path db,
      CompletableFuture<DemoBackoffice> startingBackoffice)
      throws IOException {
    boolean allRan = true;
    Map<LineProfile, Map<Integer, String>> passedWholeLine = new LinkedHashMap<>();
    // The lines are whatever line profiles the folder holds, each station in its line's order.
    for (LineProfile line : demoLines) {
      List<LineProfile.LineStation> stations =
          line.stations().stream().filter(LineProfile.LineStation::demo).toList();
      Path lineOut = Files.createDirectories(out.resolve(line.folder().getFileName().toString()));
      console.println(line.name());
      Map<Integer, String> passed = null;
      for (LineProfile.LineStation station : stations) {
        Path config = filledConfig(line.folder(), lineOut, station.name());
        addCfx(config, station.name());
        Optional<JsonNode> summary = runStation(console, line, station.recipe(), config, db);
        allRan &= summary.isPresent();
        passed = passedSoFar(passed, summary);
      }
      passedWholeLine.put(line, passed);
      listOutputs(console, lineOut.resolve("files"));
      console.println();
    }
    boolean chained = packPassedUnits(console, passedWholeLine, db);
    try (DemoBackoffice backoffice = started(startingBackoffice)) {
      console.println(
          "back office (in this process): HTTP "
              + backoffice.api()
              + ", SFTP drop for factory '"
              + DemoBackoffice.FACTORY
              + "', data "
              + out.resolve("backoffice"));
      DemoBackofficeSide side = new DemoBackofficeSide(out, console, backoffice);
      chained &= side.uploadDay(demoLines, db);
      chained &= side.provisionQueued(demoLines, db);
    }
    console.println();
    chained &= traceOneUnit(console, passedWholeLine, db);
    console.println();
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
    return allRan && chained ? 0 : 1;
  }

  private static DemoBackoffice started(CompletableFuture<DemoBackoffice> starting)
      throws IOException {
    try {
      return starting.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw failed;
    }
  }

  /**
   * The units (by unit number, the same unit at every station of a line: same seed) that passed
   * every station so far, with the identifier printed on them.
   */
  private static Map<Integer, String> passedSoFar(
      Map<Integer, String> before, Optional<JsonNode> summary) {
    Map<Integer, String> passed = new LinkedHashMap<>();
    for (JsonNode unit : summary.map(s -> s.get("runs")).orElse(MissingNode.getInstance())) {
      int number = unit.get("unit").asInt();
      if (unit.get("outcome").asText().equals("PASS")
          && (before == null || before.containsKey(number))) {
        JsonNode ids = unit.get("identifiers");
        passed.put(
            number,
            ids.has("serial") ? ids.get("serial").asText() : ids.path("device_id").asText("?"));
      }
    }
    return passed;
  }

  /**
   * The units that passed every station of their line, packed behind the ship gate as {@code
   * shipready pack} packs them: the scans written to {@code <out>/<line>/ready-to-pack.txt},
   * cartons of {@link #CARTON_SIZE}, labels and the shipment's manifest in {@code
   * <out>/<line>/shipments}. Whether every unit was packed.
   */
  boolean packPassedUnits(
      PrintWriter console, Map<LineProfile, Map<Integer, String>> passed, Path db)
      throws IOException {
    boolean allPacked = true;
    try (Store records = Store.open(db.toString())) {
      Packing packing = new Packing(records, LineProfiles.root(lines), Clock.systemDefaultZone());
      for (Map.Entry<LineProfile, Map<Integer, String>> line : passed.entrySet()) {
        Path lineOut = out.resolve(line.getKey().folder().getFileName().toString());
        Path scans = lineOut.resolve("ready-to-pack.txt");
        List<String> ids = List.copyOf(line.getValue().values());
        Files.write(scans, ids);
        if (ids.isEmpty()) {
          console.println("pack " + line.getKey().name() + ": no unit passed every station");
          continue;
        }
        Path shipments = lineOut.resolve("shipments");
        console.println(
            "pack "
                + line.getKey().name()
                + ": bin/shipready pack --line "
                + line.getKey().name()
                + " --db "
                + db
                + " --units "
                + scans
                + " --carton-size "
                + CARTON_SIZE
                + " --out "
                + shipments);
        PackingResult result =
            packing.pack(
                new PackingOrder(
                    line.getKey().name(),
                    ids,
                    CARTON_SIZE,
                    PackingOrder.DEFAULT_CARTONS_PER_PALLET,
                    null,
                    "",
                    null,
                    "demo",
                    shipments));
        StringWriter printed = new StringWriter();
        PackCommand.print(new PrintWriter(printed, true), result);
        printed.toString().lines().forEach(text -> console.println("  " + text));
        allPacked &= result.allPacked();
      }
    }
    console.println();
    return allPacked;
  }

  /**
   * The whole trace of one unit that went through every station of its line, printed by {@code
   * shipready trace} itself: a unit of a line that queues its units for the cloud when there is one
   * (its life runs from the first flash to claimed), else of the longest line.
   */
  private boolean traceOneUnit(
      PrintWriter console, Map<LineProfile, Map<Integer, String>> passed, Path db) {
    Optional<Map.Entry<LineProfile, Map<Integer, String>>> longest =
        passed.entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .max(
                Comparator.comparing(
                        (Map.Entry<LineProfile, Map<Integer, String>> e) -> queues(e.getKey()))
                    .thenComparingInt(e -> e.getKey().stations().size()));
    if (longest.isEmpty()) {
      console.println("no unit passed a whole line, so there is no whole trace to show");
      return false;
    }
    String unit = longest.get().getValue().values().iterator().next();
    console.println(
        "trace of unit "
            + unit
            + ", through every station of "
            + longest.get().getKey().name()
            + " (bin/shipready trace "
            + unit
            + " --db "
            + db
            + "):");
    CommandLine trace = new CommandLine(new TraceCommand());
    trace.setOut(console);
    trace.setErr(console);
    return trace.execute(unit, "--db", db.toString()) == 0;
  }

  /** Whether the line's stations wrote a provisioning queue in this demo. */
  private boolean queues(LineProfile line) {
    try {
      return !DemoBackofficeSide.queueFiles(out, line).isEmpty();
    } catch (IOException unreadable) {
      return false;
    }
  }

  private Optional<JsonNode> runStation(
      PrintWriter console, LineProfile line, Path recipe, Path config, Path db) throws IOException {
    String station =
        line.stationRunning(recipe).map(LineProfile.LineStation::name).orElse("station");
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
      return Optional.empty();
    }
    List<JsonNode> refused = new ArrayList<>();
    summary
        .get("runs")
        .forEach(
            unit -> {
              if (DemoRefusals.refused(unit)) {
                refused.add(unit);
              }
            });
    console.printf(
        Locale.ROOT,
        "  %-14s %2d units: %2d PASS, %d FAIL, %d ERROR, %d refused by the route   first-pass"
            + " yield %3.0f %%%n",
        station,
        summary.get("units").asInt(),
        summary.get("pass").asInt(),
        summary.get("fail").asInt() - refused.size(),
        summary.get("error").asInt(),
        refused.size(),
        100 * summary.get("first_pass_yield").asDouble());
    for (JsonNode unit : summary.get("runs")) {
      if (example == null && unit.get("outcome").asText().equals("PASS")) {
        JsonNode ids = unit.get("identifiers");
        example =
            ids.has("serial") ? ids.get("serial").asText() : ids.path("device_id").asText(null);
      }
      if (!unit.get("outcome").asText().equals("PASS") && !DemoRefusals.refused(unit)) {
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
    if (!refused.isEmpty()) {
      try (Store records = Store.open(db.toString())) {
        for (JsonNode unit : refused) {
          console.printf(
              Locale.ROOT,
              "      unit %-3d refused: %s%n",
              unit.get("unit").asInt(),
              DemoRefusals.oneLine(records, line, station, unit));
        }
      }
    }
    return Optional.of(summary);
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
