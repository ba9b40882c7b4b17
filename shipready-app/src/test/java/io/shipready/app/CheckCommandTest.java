package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code shipready check ready-to-ship} on simulated devices, and its refusals. */
class CheckCommandTest {
  private static final String OS_VERSIONS =
      Path.of("..", "lines", "azure-sphere", "os-versions.json").toString();
  private static final String APP = "aac4498c-f1ad-44a2-8a67-95b7e816fc8f";
  private static final String TEST_IMAGE = "d594361b-d97d-4eda-9451-e5c036d9af47";

  private static CommandLineRun check(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                "ready-to-ship",
                "--device",
                "1-1.2",
                "--os-versions",
                OS_VERSIONS,
                "--os",
                "24.10",
                "--images",
                APP,
                "--simulate",
                "--sim-os",
                "24.10"));
    args.addAll(List.of(extra));
    return CommandLineRun.of(args.toArray(String[]::new));
  }

  private static List<String> verdicts(CommandLineRun run) {
    return run.out()
        .lines()
        .filter(l -> l.startsWith("PASS:") || l.startsWith("FAIL:") || l.startsWith("SKIPPED:"))
        .toList();
  }

  @Test
  void aReadyModulePassesEveryCheckInTheVendorsOrder() {
    CommandLineRun run =
        check(
            "--sim-state",
            "Module1Complete",
            "--sim-image",
            APP,
            "--expected-state",
            "Module1Complete");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(verdicts(run))
        .containsExactly(
            "PASS: manufacturing state: Module1Complete",
            "PASS: capabilities: none",
            "PASS: os version: 24.10",
            "PASS: application images: " + APP,
            "PASS: wifi networks: none");
    assertThat(run.out()).contains("device 1-1.2 is ready to ship");
  }

  @Test
  void aTestImageLeftOnTheDeviceFailsAndExitsOne() {
    CommandLineRun run = check("--sim-image", APP, TEST_IMAGE, "--expected-state", "Blank");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(verdicts(run))
        .containsExactly(
            "PASS: manufacturing state: Blank",
            "SKIPPED: capabilities: device is Blank",
            "PASS: os version: 24.10",
            "FAIL: application images: {unexpected=[" + TEST_IMAGE + "]}",
            "PASS: wifi networks: none");
    assertThat(run.out()).contains("NOT ready to ship: 1 check(s) failed");
  }

  @Test
  void aDeviceCompleteUnitIsCheckedForStateAndCapabilitiesOnly() {
    CommandLineRun run =
        check(
            "--sim-image",
            APP,
            "--sim-state",
            "DeviceComplete",
            "--sim-capability",
            "EnableFieldServicing");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(verdicts(run))
        .containsExactly(
            "PASS: manufacturing state: DeviceComplete",
            "FAIL: capabilities: device holds [EnableFieldServicing]",
            "SKIPPED: os version: device is DeviceComplete",
            "SKIPPED: application images: device is DeviceComplete",
            "SKIPPED: wifi networks: device is DeviceComplete");
  }

  @Test
  void theRfTestServerOfAnUnrecoveredUnitFailsTheOsCheck() {
    CommandLineRun run =
        CommandLineRun.of(
            "check",
            "ready-to-ship",
            "--device",
            "1-1.2",
            "--os-versions",
            OS_VERSIONS,
            "--os",
            "24.07",
            "--expected-state",
            "Blank",
            "--simulate");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(verdicts(run))
        .contains(
            "FAIL: os version: test component 3d9a4f1e-0c27-4b8e-9a51-7f2e6c1d0b43 is still installed");
  }

  @Test
  void aRealDeviceNeedsTheAzsphereToolAndSaysSo() {
    CommandLineRun run = CommandLineRun.of("check", "ready-to-ship", "--device", "192.168.35.2");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("192.168.35.2").contains("azsphere").contains("--simulate");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(
            CommandLineRun.of("check", "ready-to-ship", "--device", "x", "--os", "24.10")
                .exitCode())
        .isEqualTo(2);
    assertThat(
            CommandLineRun.of("check", "ready-to-ship", "--device", "x", "--expected-state", "Done")
                .err())
        .contains("--expected-state")
        .contains("Blank, Module1Complete or DeviceComplete");
    assertThat(CommandLineRun.of("check", "ready-to-ship").exitCode()).isEqualTo(2);
  }
}
