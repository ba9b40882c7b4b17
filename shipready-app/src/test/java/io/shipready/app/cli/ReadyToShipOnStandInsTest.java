package io.shipready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.app.Main;
import io.shipready.device.tools.ToolLocator;
import java.io.File;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipready check ready-to-ship} on a stand-in chip reached through the azsphere and az
 * sphere stand-ins, as on a real one: a verdict per check in Blank, Module1Complete and
 * DeviceComplete, skipping exactly what the vendor's device_ready skips; a leftover test network
 * fails it, and a board-configuration image is not taken for an application.
 */
class ReadyToShipOnStandInsTest {
  private static final Path LINE = Path.of("..", "lines", "azure-sphere").toAbsolutePath();
  private static final Path STANDINS =
      Path.of("..", "shipready-device", "src", "test", "standins").toAbsolutePath().normalize();
  private static final String STATE = "SHIPREADY_STANDIN_STATE";
  private static final String UNIT = "21143";
  private static final String APP = "aac4498c-f1ad-44a2-8a67-95b7e816fc8f";
  private static final List<String> OS =
      List.of(
          "b8ed304d-d305-4599-97af-3ad7c76bd6a7",
          "3d5dc860-c0c8-4a5e-9c98-768708e4b3de",
          "540a08c0-d328-4c30-b3e9-60d1373bfe8d");

  @TempDir Path dir;
  Path state;

  @BeforeEach
  void aRecoveredUnitWithItsApplicationAndBoardConfiguration() throws Exception {
    assumeTrue(onPath("python3"), "python3 is needed for the stand-in vendor tools");
    state = Files.createDirectories(dir.resolve("state"));
    tool(
        "standin-device",
        "create",
        "--family",
        "azure-sphere",
        "--id",
        UNIT,
        "--os-version",
        "24.07");
    for (int i = 0; i < OS.size(); i++) {
      tool(
          "standin-device",
          "package",
          LINE.resolve("recovery/os-24.10-" + i + ".bin").toString(),
          "--image-id",
          OS.get(i),
          "--os-version",
          "24.10");
    }
    tool(
        "standin-device",
        "package",
        LINE.resolve("images/tracker-app-1.4.2.imagepackage").toString(),
        "--image-id",
        APP,
        "--type",
        "Applications");
    tool(
        "standin-device",
        "package",
        LINE.resolve("images/board-config-w5500-1.0.imagepackage").toString(),
        "--image-id",
        "f171d4a6-3ecf-466b-8024-c179a7f38b26",
        "--type",
        "CustomerBoardConfig");
    tool(
        "azsphere",
        "device",
        "recover",
        "--images",
        LINE.resolve("recovery").toString(),
        "--device",
        UNIT);
    for (String image :
        List.of("tracker-app-1.4.2.imagepackage", "board-config-w5500-1.0.imagepackage")) {
      tool(
          "azsphere",
          "device",
          "sideload",
          "deploy",
          "--image-package",
          LINE.resolve("images/" + image).toString(),
          "--device",
          UNIT);
    }
  }

  @Test
  void aVerdictPerCheckInEveryStateAsTheVendorsRulesSkip() throws Exception {
    Run blank = check("Blank", "--cli", "azsphere");
    assertThat(blank.verdicts())
        .containsExactly(
            "PASS: manufacturing state: Blank",
            "SKIPPED: capabilities: device is Blank",
            "PASS: os version: 24.10",
            "PASS: application images: " + APP,
            "PASS: wifi networks: none");
    assertThat(blank.exitCode()).isZero();

    tool(
        "azsphere",
        "device",
        "manufacturing-state",
        "update",
        "--state",
        "Module1Complete",
        "--device",
        UNIT);
    Run module1 = check("Module1Complete", "--cli", "az");
    assertThat(module1.verdicts())
        .containsExactly(
            "PASS: manufacturing state: Module1Complete",
            "PASS: capabilities: none",
            "PASS: os version: 24.10",
            "PASS: application images: " + APP,
            "PASS: wifi networks: none");
    assertThat(module1.exitCode()).isZero();
    // Expected DeviceComplete (the default) while the unit is Module1Complete: that check fails.
    assertThat(check(null, "--output", "table").verdicts())
        .startsWith("FAIL: manufacturing state: is Module1Complete, expected DeviceComplete");

    tool(
        "azsphere",
        "device",
        "manufacturing-state",
        "update",
        "--state",
        "DeviceComplete",
        "--device",
        UNIT);
    Run complete = check("DeviceComplete", "--output", "table");
    assertThat(complete.verdicts())
        .containsExactly(
            "PASS: manufacturing state: DeviceComplete",
            "PASS: capabilities: none",
            "SKIPPED: os version: device is DeviceComplete",
            "SKIPPED: application images: device is DeviceComplete",
            "SKIPPED: wifi networks: device is DeviceComplete");
    assertThat(complete.exitCode()).isZero();
  }

  @Test
  void aLeftoverTestNetworkFailsIt() throws Exception {
    tool("azsphere", "device", "wifi", "add", "--ssid", "shipready-factory-test", "--device", UNIT);

    Run run = check("Blank", "--cli", "az");

    assertThat(run.verdicts())
        .contains("FAIL: wifi networks: configured: [shipready-factory-test]");
    assertThat(run.out()).contains("device " + UNIT + " is NOT ready to ship: 1 check(s) failed");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aStrayApplicationFailsTheImageCheck() throws Exception {
    tool(
        "azsphere",
        "device",
        "sideload",
        "deploy",
        "--image-package",
        LINE.resolve("images/functional-test-2.0.imagepackage").toString(),
        "--device",
        UNIT);

    Run run = check("Blank");

    assertThat(run.verdicts())
        .anySatisfy(line -> assertThat(line).startsWith("FAIL: application images: {unexpected="));
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void theVendorsRfTestServerFailsTheOsCheckByItsComponentId() throws Exception {
    Path images = Files.createDirectories(dir.resolve("recovery-with-rf-test-server"));
    for (int i = 0; i < OS.size(); i++) {
      Files.copy(
          LINE.resolve("recovery/os-24.10-" + i + ".bin"),
          images.resolve("os-24.10-" + i + ".bin"));
    }
    Path server = Files.writeString(images.resolve("os-24.10-9.bin"), "RF test server");
    tool(
        "standin-device",
        "package",
        server.toString(),
        "--image-id",
        "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
        "--component-id",
        "508eddf2-b8c3-4a99-93d9-a045d9a060eb",
        "--type",
        "Services",
        "--name",
        "rftest_server");
    tool("azsphere", "device", "recover", "--images", images.toString(), "--device", UNIT);

    Run run = check("Blank");

    assertThat(run.verdicts())
        .contains(
            "FAIL: os version: test component 508eddf2-b8c3-4a99-93d9-a045d9a060eb is still"
                + " installed");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  // -- helpers -----------------------------------------------------------------------------

  private record Run(int exitCode, String out, String err) {
    List<String> verdicts() {
      return out.lines()
          .filter(l -> l.startsWith("PASS:") || l.startsWith("FAIL:") || l.startsWith("SKIPPED:"))
          .toList();
    }
  }

  /** {@code shipready check ready-to-ship} with the station's tools being the stand-ins. */
  private Run check(String expectedState, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                "ready-to-ship",
                "--device",
                UNIT,
                "--os-versions",
                LINE.resolve("os-versions.json").toString(),
                "--os",
                "24.10",
                "--images",
                APP));
    if (expectedState != null) {
      args.addAll(List.of("--expected-state", expectedState));
    }
    args.addAll(List.of(extra));
    var commandLine = Main.commandLine();
    ReadyToShipCheckCommand command =
        commandLine
            .getSubcommands()
            .get("check")
            .getSubcommands()
            .get("ready-to-ship")
            .getCommand();
    command.locator =
        ToolLocator.fromEnvironment(Map.of())
            .with("azsphere", STANDINS.resolve("azsphere"))
            .with("az", STANDINS.resolve("az"));
    command.toolEnvironment = Map.of(STATE, state.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private void tool(String name, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(STANDINS.resolve(name).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put(STATE, state.toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(command + ": " + printed).isZero();
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
  }
}
