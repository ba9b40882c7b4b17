package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.particle.ParticleFamily;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for a fixture to settle, within the step's time like any other step. */
class WaitStepTest {
  private static final String SETTLE_THEN_MEASURE =
      """
      recipe: particle-settle
      version: "1.0"
      station: {device_family: particle}
      steps:
        - id: settle
          kind: wait
          with: {duration: %s}
          timeout: 500ms
        - id: power
          kind: measure
          measurements: [{name: vdd, source: supply_voltage, range: {min: 3.2, max: 3.4}}]
      """;

  @TempDir Path folder;
  private TestLine line;
  private SimulatedDevice unit;

  @BeforeEach
  void freshUnit() {
    line = new TestLine(folder);
    unit =
        new SimulatedFleet(SimulationSettings.builder().timeScale(0).build())
            .unit(1, TestLine.SLOT, ParticleFamily.NAME);
  }

  @Test
  void waitsItsDurationBeforeTheNextStep() {
    RunResult run = line.run(SETTLE_THEN_MEASURE.formatted("150ms"), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(step(run, "settle").duration()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void aWaitLongerThanItsTimeoutIsCutShort() {
    long started = System.nanoTime();
    RunResult run = line.run(SETTLE_THEN_MEASURE.formatted("1m"), unit);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(step(run, "settle").outcome()).isEqualTo(StepOutcome.TIMEOUT);
    assertThat(run.message()).isEqualTo("did not finish within 500ms");
    assertThat(step(run, "power").outcome()).isEqualTo(StepOutcome.SKIPPED);
  }
}
