package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shipready.core.device.Image;
import io.shipready.core.event.Event;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.Programmer;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.particle.ParticleFamily;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit that stops answering or is pulled out: the run ends ERROR (the unit may be fine), the
 * station moves on in time, and nothing half-written passes for whole.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeviceFaultTest {
  private static final byte[] APP_BYTES = TestLine.firmware(64 * 1024, 7);
  private static final String APP_SHA256 = Image.sha256Hex(APP_BYTES);

  private static final String FLASH_THEN_TEST =
      """
      recipe: particle-flash-faults
      version: "1.0"
      station: {device_family: particle}
      steps:
        - id: flash_app
          kind: flash
          with: {image: images/app.bin, region: user, sha256: %s}
          timeout: 300ms
        - id: power
          kind: measure
          measurements: [{name: vdd, source: supply_voltage, range: {min: 3.2, max: 3.4}}]
      """
          .formatted(APP_SHA256);

  private static final SimulatedFleet FLEET =
      new SimulatedFleet(SimulationSettings.builder().timeScale(0).build());

  @TempDir Path folder;
  private TestLine line;
  private SimulatedDevice unit;

  @BeforeEach
  void freshUnit() {
    line = new TestLine(folder);
    line.write("images/app.bin", APP_BYTES);
    unit = FLEET.unit(1, TestLine.SLOT, ParticleFamily.NAME);
  }

  @Test
  void aUnitThatStopsAnsweringTimesOutAndTheRunIsAnError() {
    unit.inject(new Fault.Unresponsive("flash:user"));

    long started = System.nanoTime();
    RunResult run = line.run(FLASH_THEN_TEST, unit);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(run.failedStep()).isEqualTo("flash_app");
    assertThat(step(run, "flash_app").outcome()).isEqualTo(StepOutcome.TIMEOUT);
    assertThat(run.message()).isEqualTo("did not finish within 300ms");
    assertThat(step(run, "power").outcome()).isEqualTo(StepOutcome.SKIPPED);
  }

  @Test
  void aTimedOutStepIsTriedAgainWhenTheRecipeSaysSo() throws Exception {
    unit.inject(new Fault.Unresponsive("flash:user").times(1));
    String retried =
        FLASH_THEN_TEST.replace("timeout: 300ms", "timeout: 300ms\n    retry: {count: 1}");

    RunResult run = line.run(retried, unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(line.events(run, Event.StepFinished.class))
        .filteredOn(e -> e.stepId().equals("flash_app"))
        .extracting(Event.StepFinished::attempt, Event.StepFinished::outcome)
        .containsExactly(tuple(1, StepOutcome.TIMEOUT), tuple(2, StepOutcome.PASS));
    assertThat(unit.require(Programmer.class).readBackSha256("user")).isEqualTo(APP_SHA256);
  }

  @Test
  void aUnitPulledOutMidFlashIsAnErrorAndItsRegionDoesNotReadBack() throws Exception {
    unit.inject(new Fault.Unplugged("flash:user").times(1));

    RunResult run = line.run(FLASH_THEN_TEST, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(step(run, "flash_app").outcome()).isEqualTo(StepOutcome.ERROR);
    assertThat(run.message())
        .contains("during the flash of user after 32768 of 65536 bytes")
        .contains("it was unplugged; reseat it in the fixture and retry the step");
    // Half an image is in the region; nothing may take it for the approved one.
    String readBack = unit.require(Programmer.class).readBackSha256("user");
    assertThat(readBack).isNotEmpty().isNotEqualTo(APP_SHA256);
    assertThat(line.events(run, Event.ImageWritten.class)).isEmpty();
  }

  @Test
  void aConsoleThatStaysSilentGivesUpAfterItsReplyTime() {
    String console =
        """
        recipe: particle-console
        version: "1.0"
        station: {device_family: particle}
        steps:
          - id: ping
            kind: console
            with: {send: ping, expect: pong, reply_within: 2s}
        """;
    unit.inject(new Fault.Unresponsive("console"));

    RunResult run = line.run(console, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(step(run, "ping").outcome()).isEqualTo(StepOutcome.ERROR);
    assertThat(run.message()).contains("no reply from").contains("within 2000 ms");
  }
}
