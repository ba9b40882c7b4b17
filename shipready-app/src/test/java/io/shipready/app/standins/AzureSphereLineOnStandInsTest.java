package io.shipready.app.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.Main;
import io.shipready.app.cli.DemoCommand;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.tools.azsphere.AzsphereDriver;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
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
 * The Azure Sphere line on stand-in units, through the real command line: one unit goes through
 * recovery, programming (to DeviceComplete) and the ship audit in three {@code shipready run
 * --slots-file} runs on the same state folder and the same store, and afterwards refuses a sideload
 * as a DeviceComplete chip does. A unit whose Ethernet controller does not answer fails at the
 * Ethernet check, before anything irreversible.
 */
class AzureSphereLineOnStandInsTest {
  private static final Path LINE = Path.of("..", "lines", "azure-sphere").toAbsolutePath();
  private static final Path STANDINS =
      Path.of("..", "shipready-device", "src", "test", "standins").toAbsolutePath().normalize();
  private static final String STATE = "SHIPREADY_STANDIN_STATE";
  private static final String UNIT = "21143";
  private static final String APP_IMAGE = "aac4498c-f1ad-44a2-8a67-95b7e816fc8f";
  private static final String TEST_COMPONENT = "77a74c44-697e-4aed-b8fc-35b3d7f9542e";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path state;
  private Path db;
  private final List<Process> consoles = new ArrayList<>();

  @BeforeEach
  void standIns() throws Exception {
    assumeTrue(
        onPath("python3"),
        "python3 was not found on the PATH: the stand-in vendor tools are Python 3 scripts;"
            + " install python3 to run the Azure Sphere line on stand-ins");
    state = Files.createDirectories(dir.resolve("state"));
    db = dir.resolve("line.db");
    registerPackages();
  }

  @AfterEach
  void stopConsoles() throws InterruptedException {
    for (Process console : consoles) {
      console.destroy();
      if (!console.waitFor(5, TimeUnit.SECONDS)) {
        console.destroyForcibly();
      }
    }
  }

  @Test
  void oneUnitGoesFromRecoveryToTheShipAuditAndThenRefusesSoftware() throws Exception {
    standin(
        "standin-device",
        "create",
        "--family",
        "azure-sphere",
        "--id",
        UNIT,
        "--os-version",
        "24.07");
    Path slots = slotMap(UNIT, console(UNIT));

    JsonNode recovery = run("recovery", slots);
    assertThat(recovery.get("pass").asInt()).isEqualTo(1);
    assertThat(recovery.get("fail").asInt()).isZero();
    JsonNode unit = show(UNIT);
    assertThat(unit.get("os_version").asText()).isEqualTo("24.10");

    JsonNode programming = run("programming", slots);
    assertThat(programming.get("pass").asInt()).isEqualTo(1);
    assertThat(programming.get("fail").asInt() + programming.get("error").asInt()).isZero();

    unit = show(UNIT);
    assertThat(unit.get("manufacturing_state").asText()).isEqualTo("DeviceComplete");
    // Region code "DE" at 0x36/0x37 and the transmit power at 0x40/0x41, burnt for good.
    assertThat(unit.get("efuses").get("54").asInt()).isEqualTo('D');
    assertThat(unit.get("efuses").get("55").asInt()).isEqualTo('E');
    assertThat(unit.get("efuses").get("64").asInt()).isEqualTo(0x12);
    assertThat(unit.get("efuses").get("65").asInt()).isEqualTo(0x12);
    assertThat(unit.get("wifi").get("networks")).isEmpty();
    assertThat(unit.get("ethernet").asBoolean()).isTrue();
    List<String> components = new ArrayList<>();
    List<String> imageIds = new ArrayList<>();
    unit.get("images")
        .forEach(
            image -> {
              components.add(image.get("component_id").asText());
              imageIds.add(image.get("image_id").asText());
            });
    assertThat(imageIds).contains(APP_IMAGE);
    assertThat(components).doesNotContain(TEST_COMPONENT);

    JsonNode audit = run("ship-audit", slots);
    assertThat(audit.get("pass").asInt()).isEqualTo(1);
    assertThat(audit.get("fail").asInt()).isZero();

    String deviceId = unit.get("device_id").asText();
    String trace = commandLine("trace", deviceId, "--db", db.toString());
    assertThat(trace).contains("Runs (3)");
    assertThat(trace)
        .contains("recipe azure-sphere-recovery")
        .contains("recipe azure-sphere-programming")
        .contains("recipe azure-sphere-ship-audit")
        .contains("- ethernet (ethernet_check, attempt 1)  PASS")
        .contains("- device_complete (set_state, attempt 1)  PASS")
        .doesNotContain("FAIL  run");

    // A DeviceComplete chip takes no more software: through the driver, and through the CLI.
    Device device =
        new AzsphereDriver()
            .bind(
                SlotSettings.builder("1", "azsphere")
                    .values(Map.of("device", UNIT))
                    .tools(Map.of("azsphere", STANDINS.resolve("azsphere")))
                    .environment(Map.of(STATE, state.toString()))
                    .build())
            .attach(1, null);
    byte[] app = Files.readAllBytes(LINE.resolve("images/tracker-app-1.4.2.imagepackage"));
    assertThatThrownBy(
            () ->
                device
                    .require(ImageStore.class)
                    .install(
                        new Image(
                            "tracker-app",
                            "1.4.2",
                            ImageType.APPLICATION,
                            null,
                            APP_IMAGE,
                            app,
                            null)))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("DeviceComplete");
    Result refused =
        standin(
            "azsphere",
            "device",
            "sideload",
            "deploy",
            "--image-package",
            LINE.resolve("images/tracker-app-1.4.2.imagepackage").toString(),
            "--device",
            UNIT);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("not permitted in the DeviceComplete manufacturing state");
  }

  @Test
  void aUnitWithoutEthernetFailsAtTheEthernetCheckBeforeAnythingIrreversible() throws Exception {
    String unit = "21150";
    // Recovered to 24.10 already; the recovery station records it, as the line's route needs.
    standin(
        "standin-device",
        "create",
        "--family",
        "azure-sphere",
        "--id",
        unit,
        "--os-version",
        "24.10");
    Path slots = slotMap(unit, console(unit));
    standin("standin-device", "fault", unit, "no-ethernet");
    assertThat(run("recovery", slots).get("pass").asInt()).isEqualTo(1);

    JsonNode programming = run("programming", slots);

    assertThat(programming.get("pass").asInt()).isZero();
    assertThat(programming.get("fail").asInt()).isEqualTo(1);
    assertThat(programming.get("runs").get(0).get("failed_step").asText()).isEqualTo("ethernet");
    JsonNode after = show(unit);
    assertThat(after.get("manufacturing_state").asText()).isEqualTo("Blank");
    assertThat(after.has("efuses")).isFalse();

    // The RF tool would not have burnt the world set ("00") into the region code either.
    Result worldSet =
        standin("rftool", "write", "--device", unit, "--offset", "0x36", "--hex", "3030");
    assertThat(worldSet.exitCode()).isEqualTo(1);
    assertThat(worldSet.err()).contains("not two capital ASCII letters");
    assertThat(show(unit).has("efuses")).isFalse();
  }

  @Test
  void theProgrammingStationBurnsTheRegionCodeOfItsOwnConfiguration() throws Exception {
    for (String region : List.of("US", "DE")) {
      String unit = region.equals("US") ? "21160" : "21161";
      standin(
          "standin-device",
          "create",
          "--family",
          "azure-sphere",
          "--id",
          unit,
          "--os-version",
          "24.10");
      Path slots = slotMap(unit, console(unit));
      assertThat(run("recovery", slots).get("pass").asInt()).isEqualTo(1);

      JsonNode programming = run("programming", slots, region);

      assertThat(programming.get("pass").asInt()).as(region + ": " + programming).isEqualTo(1);
      JsonNode efuses = show(unit).get("efuses");
      assertThat(efuses.get("54").asInt()).isEqualTo(region.charAt(0));
      assertThat(efuses.get("55").asInt()).isEqualTo(region.charAt(1));
      // The RF settings check compared the unit with the same configured code.
      String trace =
          commandLine("trace", show(unit).get("device_id").asText(), "--db", db.toString());
      assertThat(trace).contains("- rf_verify (rf_settings_check, attempt 1)  PASS");
    }
  }

  @Test
  void aMissingOrMalformedRegionCodeStopsTheStationBeforeTheFirstUnit() throws Exception {
    String unit = "21170";
    standin(
        "standin-device",
        "create",
        "--family",
        "azure-sphere",
        "--id",
        unit,
        "--os-version",
        "24.10");
    Path slots = slotMap(unit, console(unit));
    assertThat(run("recovery", slots).get("pass").asInt()).isEqualTo(1);
    long callsBefore = Files.readAllLines(state.resolve(unit).resolve("calls.log")).size();

    for (String region : java.util.Arrays.asList("00", "de", "D", "DEU", "1A", null)) {
      Refusal refused = refusedRun("programming", slots, region);

      assertThat(refused.exitCode()).as(String.valueOf(region)).isNotZero();
      if (region == null) {
        assertThat(refused.err())
            .contains("step region_code burns station.extra.regionCode")
            .contains("add it");
      } else {
        assertThat(refused.err())
            .contains("step region_code would burn '" + region + "'")
            .contains("two capital ASCII letters")
            .contains("regionCode under extra:");
      }
    }
    // Nothing reached the unit: no command, no e-fuse, no state change.
    assertThat(Files.readAllLines(state.resolve(unit).resolve("calls.log")))
        .hasSize((int) callsBefore);
    assertThat(show(unit).has("efuses")).isFalse();
    assertThat(show(unit).get("manufacturing_state").asText()).isEqualTo("Blank");
  }

  // -- the stand-ins ---------------------------------------------------------------------

  /** The line's image packages, registered with the ids the recipes expect. */
  private void registerPackages() throws IOException {
    List<String> os =
        List.of(
            "b8ed304d-d305-4599-97af-3ad7c76bd6a7",
            "3d5dc860-c0c8-4a5e-9c98-768708e4b3de",
            "540a08c0-d328-4c30-b3e9-60d1373bfe8d");
    for (int i = 0; i < os.size(); i++) {
      standin(
          "standin-device",
          "package",
          LINE.resolve("recovery/os-24.10-" + i + ".bin").toString(),
          "--image-id",
          os.get(i),
          "--os-version",
          "24.10");
    }
    register(
        "tracker-app-1.4.2", APP_IMAGE, "201ff9f1-2101-47dd-b2d2-7c4acd5a3ad5", "Applications");
    register(
        "board-config-w5500-1.0",
        "f171d4a6-3ecf-466b-8024-c179a7f38b26",
        "dd6b96db-29f4-4050-b320-71111b64292c",
        "CustomerBoardConfig");
    register(
        "functional-test-2.0",
        "d594361b-d97d-4eda-9451-e5c036d9af47",
        TEST_COMPONENT,
        "Applications");
  }

  private void register(String name, String imageId, String componentId, String type)
      throws IOException {
    standin(
        "standin-device",
        "package",
        LINE.resolve("images/" + name + ".imagepackage").toString(),
        "--image-id",
        imageId,
        "--component-id",
        componentId,
        "--type",
        type,
        "--name",
        name.replaceAll("-[0-9.]+$", ""));
  }

  /** Starts the unit's console (the functional-test application's UART); returns host:port. */
  private String console(String unit) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            STANDINS.resolve("standin-console").toString(), unit, "--firmware", "azure-sphere");
    builder.environment().put(STATE, state.toString());
    builder.redirectError(dir.resolve("console-" + unit + ".err").toFile());
    Process process = builder.start();
    consoles.add(process);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("standin-console's first line").startsWith("listening on ");
    return line.substring("listening on ".length()).strip();
  }

  private Path slotMap(String unit, String console) throws IOException {
    Path map = dir.resolve("slots-" + unit + ".yaml");
    Files.writeString(
        map,
        String.join(
            "\n",
            "tools: {azsphere: " + STANDINS.resolve("azsphere") + "}",
            "environment: {" + STATE + ": " + state + "}",
            "slots:",
            "  - {slot: \"1\", driver: azsphere, device: \""
                + unit
                + "\", console: \"tcp:"
                + console
                + "\",",
            "     rf_tool: {path: " + STANDINS.resolve("rftool") + "}}",
            ""));
    return map;
  }

  private JsonNode show(String unit) throws IOException {
    return JSON.readTree(standin("standin-device", "show", unit).out());
  }

  private record Result(int exitCode, String out, String err) {}

  private Result standin(String tool, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(STANDINS.resolve(tool).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put(STATE, state.toString());
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within 60 s");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError(interrupted);
    }
    Result result = new Result(process.exitValue(), out, Files.readString(err));
    if (tool.startsWith("standin")) {
      assertThat(result.exitCode()).as(command + ": " + result.err()).isZero();
    }
    return result;
  }

  // -- the command line ------------------------------------------------------------------

  /** Runs one station of the line, its config filled in, and returns the JSON summary. */
  private JsonNode run(String station, Path slots) throws IOException {
    return run(station, slots, "DE");
  }

  /** The same, the station configured with this region code. */
  private JsonNode run(String station, Path slots, String region) throws IOException {
    return JSON.readTree(commandLine(runArguments(station, slots, region)));
  }

  private record Refusal(int exitCode, String err) {}

  /** A run expected to stop before its first unit; region null leaves regionCode out. */
  private Refusal refusedRun(String station, Path slots, String region) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(runArguments(station, slots, region));
    return new Refusal(exit, err.toString());
  }

  private String[] runArguments(String station, Path slots, String region) throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path config = DemoCommand.filledConfig(LINE, out, station);
    String text = Files.readString(config);
    text =
        region == null
            ? text.replaceAll("(?m)^\\s*regionCode:.*\\n", "")
            : text.replaceAll("(?m)^(\\s*regionCode:).*$", "$1 \"" + region + "\"");
    Files.writeString(config, text);
    return new String[] {
      "run",
      "--recipe",
      LINE.resolve(station + ".yaml").toString(),
      "--slots-file",
      slots.toString(),
      "--config",
      config.toString(),
      "--db",
      db.toString(),
      "--json"
    };
  }

  private static String commandLine(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    assertThat(exit >= 0).isTrue();
    if (out.toString().isBlank()) {
      throw new AssertionError(String.join(" ", args) + " printed nothing; error: " + err);
    }
    return out.toString();
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
  }
}
