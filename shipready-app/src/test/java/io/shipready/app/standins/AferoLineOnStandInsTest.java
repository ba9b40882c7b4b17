package io.shipready.app.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.Main;
import io.shipready.app.cli.DemoCommand;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Afero ASR line on stand-in modules: each module is a probe unit programmed by the J-Link
 * Commander stand-in, its UART served by {@code standin-console --firmware afero-asr} and the
 * validation fixture's RSSI receiver by {@code --firmware afero-rssi}. One module goes through
 * every station with the real command line; one with a flash that reads back wrong fails at the
 * flash step.
 */
class AferoLineOnStandInsTest {
  private static final Path LINE = Path.of("..", "lines", "afero-asr").toAbsolutePath().normalize();
  private static final Path STANDINS =
      Path.of("..", "shipready-device", "src", "test", "standins").toAbsolutePath().normalize();
  private static final String REGIONS =
      "{bootloader: 0x0, profile: 0x10000, app: 0x20000, wifi: 0x60000}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path state;
  private Path db;
  private Path out;
  private final List<Process> servers = new ArrayList<>();
  private String supplyAddress;

  @BeforeEach
  void standIns() throws IOException {
    assumeTrue(
        onPath("python3"),
        "python3 was not found on the PATH: the stand-in tools (shipready-device/src/test/standins)"
            + " are Python 3 scripts; install python3 to run the Afero line on stand-ins");
    state = Files.createDirectories(dir.resolve("state"));
    db = dir.resolve("line.db");
    out = Files.createDirectories(dir.resolve("line"));
  }

  @AfterEach
  void stopServers() throws InterruptedException {
    for (Process server : servers) {
      server.destroy();
      if (!server.waitFor(5, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void aModulePassesEveryStationAndGetsItsRowsAndLabels() throws Exception {
    standinDevice("create", "--family", "probe", "--id", "683012345");
    Path slots = slotMap("683012345", true);

    JsonNode programming = run("programming", slots, "");
    assertThat(programming.get("pass").asInt()).as(programming.toString()).isEqualTo(1);
    JsonNode ids = programming.get("runs").get(0).get("identifiers");
    String deviceId = ids.get("device_id").asText();
    String qr = "1:" + ids.get("association_id").asText() + ":" + deviceId + "\n";
    assertThat(deviceId).matches("[0-9A-F]{16}");

    assertThat(askSupply("OUTP?")).as("the fixture is switched off after the unit").isEqualTo("0");

    for (String station : List.of("product-label", "rssi-ble", "rssi-wifi")) {
      JsonNode summary = run(station, slots, qr);
      assertThat(summary.get("pass").asInt()).as(station + ": " + summary).isEqualTo(1);
      assertThat(summary.get("runs").get(0).get("identifiers").get("device_id").asText())
          .isEqualTo(deviceId);
    }

    Path files = out.resolve("files");
    assertThat(aferoFiles(files))
        .extracting(name -> name.substring(0, 3))
        .containsExactly("01_", "02_", "03_");
    for (Path file : aferoPaths(files)) {
      List<String> lines = Files.readAllLines(file);
      assertThat(lines).as(file.toString()).hasSize(2);
      assertThat(lines.get(1)).contains(deviceId);
    }
    assertThat(Files.readAllLines(aferoPaths(files).get(0)).get(1))
        .startsWith("v23371,2,1.3.0,0,2.4.1,1,1.1.8,4," + deviceId + ",");
    try (Stream<Path> labels = Files.list(files.resolve("labels"))) {
      assertThat(labels.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(deviceId + "-1.zpl", deviceId + ".zpl");
    }

    String trace = cli(null, "trace", deviceId, "--db", db.toString()).out();
    assertThat(trace)
        .contains("vdd_at_probe")
        .contains("supply_current")
        .contains("afero-asr-programming")
        .contains("afero-asr-product-label")
        .contains("afero-asr-rssi-ble")
        .contains("afero-asr-rssi-wifi");

    JsonNode unit = JSON.readTree(standinDevice("show", "683012345"));
    assertThat(unit.get("flash").size()).isEqualTo(4);
    assertThat(unit.get("afero").get("device_id").asText()).isEqualTo(deviceId);
  }

  @Test
  void aFlashThatReadsBackWrongFailsAtTheFlashStep() throws Exception {
    standinDevice("create", "--family", "probe", "--id", "683012399");
    standinDevice("fault", "683012399", "verify-mismatch");
    Path slots = slotMap("683012399", false);

    JsonNode programming = run("programming", slots, "");

    assertThat(programming.get("fail").asInt()).as(programming.toString()).isEqualTo(1);
    JsonNode only = programming.get("runs").get(0);
    assertThat(only.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(only.get("failed_step").asText()).isEqualTo("flash_bootloader");
    assertThat(only.get("message").asText()).contains("flash differs from the image");
    assertThat(aferoFiles(out.resolve("files"))).isEmpty();
  }

  @Test
  void aModuleFedBelowTheSeedsRangeFailsAtTheSupplyCheckAndIsLeftUnpowered() throws Exception {
    standinDevice("create", "--family", "probe", "--id", "683012398");
    standinDevice("fault", "683012398", "low-supply");
    Path slots = slotMap("683012398", false);

    JsonNode programming = run("programming", slots, "");

    JsonNode only = programming.get("runs").get(0);
    assertThat(only.get("outcome").asText()).as(programming.toString()).isEqualTo("FAIL");
    assertThat(only.get("failed_step").asText()).isEqualTo("supply");
    assertThat(only.get("message").asText()).contains("vdd_at_probe = 2.1 V is outside");
    assertThat(askSupply("OUTP?")).isEqualTo("0");
    assertThat(JSON.readTree(standinDevice("show", "683012398")).get("flash").size())
        .as("nothing was flashed")
        .isZero();
  }

  @Test
  void aSupplyThatDoesNotAnswerStopsTheUnitBeforeAnythingIsDoneToIt() throws Exception {
    standinDevice("create", "--family", "probe", "--id", "683012397");
    standinDevice("fault", "683012397", "instrument-silent");
    Path slots = slotMap("683012397", false);

    JsonNode programming = run("programming", slots, "");

    JsonNode only = programming.get("runs").get(0);
    assertThat(only.get("outcome").asText()).as(programming.toString()).isEqualTo("ERROR");
    assertThat(only.get("failed_step").asText()).isEqualTo("power_on");
    assertThat(only.get("message").asText()).contains("did not answer");
  }

  /**
   * One slot: the module on its J-Link, its UART, the fixture's SCPI supply and (for the RSSI
   * stations) the receiver.
   */
  private Path slotMap(String probe, boolean receiver) throws Exception {
    String console = serve(probe, "afero-asr");
    String supply =
        "{driver: scpi, address: \"TCPIP0::" + scpi(probe).replace(":", "::") + "::SOCKET\"}";
    String fixture =
        receiver
            ? ", fixture: {driver: afero-rssi, address: \""
                + serve(probe, "afero-rssi")
                + "\"}, supply: "
                + supply
            : ", fixture: " + supply;
    Path slots = dir.resolve("slots-" + probe + ".yaml");
    Files.writeString(
        slots,
        "tools: {jlink: \""
            + STANDINS.resolve("JLinkExe")
            + "\"}\n"
            + "environment: {SHIPREADY_STANDIN_STATE: \""
            + state
            + "\"}\n"
            + "slots:\n"
            + "  - {slot: \"1\", driver: jlink, family: afero-asr, probe: \""
            + probe
            + "\", device: NRF52840_XXAA, regions: "
            + REGIONS
            + ", console: \"tcp:"
            + console
            + "\""
            + fixture
            + "}\n");
    return slots;
  }

  /** Starts standin-scpi, the fixture's supply, for the unit; returns its HOST:PORT. */
  private String scpi(String unit) throws IOException {
    supplyAddress =
        listening(new ProcessBuilder(STANDINS.resolve("standin-scpi").toString(), unit));
    return supplyAddress;
  }

  /** Asks the stand-in supply one query, as any SCPI client would. */
  private String askSupply(String query) throws IOException {
    String[] hostPort = supplyAddress.split(":");
    try (java.net.Socket socket = new java.net.Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write((query + "\n").getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine()
          .strip();
    }
  }

  /** Starts standin-console for the unit; returns the HOST:PORT it listens on. */
  private String serve(String unit, String firmware) throws IOException {
    return listening(
        new ProcessBuilder(
            STANDINS.resolve("standin-console").toString(), unit, "--firmware", firmware));
  }

  private String listening(ProcessBuilder builder) throws IOException {
    builder.redirectErrorStream(true);
    builder.environment().put("SHIPREADY_STANDIN_STATE", state.toString());
    Process server = builder.start();
    servers.add(server);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String first = reader.readLine();
    assertThat(first).as(String.join(" ", builder.command())).startsWith("listening on ");
    return first.substring("listening on ".length()).strip();
  }

  private JsonNode run(String station, Path slots, String answers) throws Exception {
    Path config = DemoCommand.filledConfig(LINE, out, station);
    Run run =
        cli(
            answers,
            "run",
            "--recipe",
            LINE.resolve(station + ".yaml").toString(),
            "--slots-file",
            slots.toString(),
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--json");
    assertThat(run.exitCode()).as(station + ": " + run.err()).isZero();
    // The scan prompt comes before the summary on standard output.
    return JSON.readTree(run.out().substring(run.out().indexOf('{')));
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run cli(String answers, String... args) {
    InputStream stdin = System.in;
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    try {
      if (answers != null) {
        System.setIn(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)));
      }
      var commandLine = Main.commandLine();
      commandLine.setOut(new PrintWriter(stdout, true));
      commandLine.setErr(new PrintWriter(stderr, true));
      int exit = commandLine.execute(args);
      return new Run(exit, stdout.toString(), stderr.toString());
    } finally {
      System.setIn(stdin);
    }
  }

  private String standinDevice(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(STANDINS.resolve("standin-device").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(Map.of("SHIPREADY_STANDIN_STATE", state.toString()));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("standin-device " + command + ": " + output).isZero();
    return output;
  }

  private static List<Path> aferoPaths(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.filter(p -> p.toString().endsWith(".afero")).sorted().toList();
    }
  }

  private static List<String> aferoFiles(Path folder) throws IOException {
    return aferoPaths(folder).stream().map(p -> p.getFileName().toString()).toList();
  }

  private static boolean onPath(String executable) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, executable))) {
        return true;
      }
    }
    return false;
  }
}
