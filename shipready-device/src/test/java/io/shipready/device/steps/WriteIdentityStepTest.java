package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.device.emulated.ProbeDevice;
import io.shipready.device.gdb.FakeGdbServer;
import io.shipready.device.gdb.GdbTarget;
import io.shipready.device.gdb.GdbTargetSettings;
import io.shipready.device.gdb.MemoryRegion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write_identity step on a unit behind a (fake) GDB server; QEMU's is in the emulated tier. */
class WriteIdentityStepTest {
  private static final String RECIPE =
      """
      recipe: identity
      version: "1"
      station: {device_family: nrf51, slots: 1}
      steps:
        - id: scan
          kind: scan
        - id: personalise
          kind: write_identity
          with: {fields: [serial]}
      """;

  @TempDir Path folder;

  @Test
  void writesTheScannedSerialIntoTheUnitAndReadsItBack() throws Exception {
    try (FakeGdbServer probe = new FakeGdbServer(0x400, false, false);
        GdbTarget target = target(probe)) {
      RunResult run =
          new TestLine(folder)
              .run(RECIPE, new ProbeDevice("1", "SN0042", target, null, null, Duration.ZERO));

      assertThat(run.outcome()).isEqualTo(Outcome.PASS);
      assertThat(new String(probe.memory, 0x8000 + 12, 13, StandardCharsets.US_ASCII))
          .isEqualTo("serial=SN0042");
    }
  }

  @Test
  void failsWhenTheUnitDoesNotKeepWhatWasWritten() throws Exception {
    try (FakeGdbServer probe = new FakeGdbServer(0x400, false, false);
        GdbTarget target = target(probe)) {
      probe.dropWrites = true;
      RunResult run =
          new TestLine(folder)
              .run(RECIPE, new ProbeDevice("1", "SN0042", target, null, null, Duration.ZERO));

      assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(step(run, "personalise").outcome()).isEqualTo(StepOutcome.FAIL);
      assertThat(step(run, "personalise").message())
          .contains("identity reads back as {} after writing {serial=SN0042}");
    }
  }

  @Test
  void failsWhenNoStepFoundTheIdentifierFirst() throws Exception {
    try (FakeGdbServer probe = new FakeGdbServer(0x400, false, false);
        GdbTarget target = target(probe)) {
      String withoutScan = RECIPE.replace("  - id: scan\n    kind: scan\n", "");
      RunResult run =
          new TestLine(folder)
              .run(withoutScan, new ProbeDevice("1", "SN0042", target, null, null, Duration.ZERO));

      assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(step(run, "personalise").message())
          .contains("no serial is known for this unit yet");
    }
  }

  private static GdbTarget target(FakeGdbServer probe) {
    return new GdbTarget(
        new GdbTargetSettings(
            probe.endpoint(),
            Duration.ofSeconds(5),
            List.of(new MemoryRegion("app", 0, 0x8000)),
            new MemoryRegion("identity", 0x8000, 0x400),
            "",
            0));
  }
}
