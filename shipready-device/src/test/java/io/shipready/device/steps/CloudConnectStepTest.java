package io.shipready.device.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.device.Image;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepResult;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.particle.ParticleFamily;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud_connect step on simulated Particle units: the time a unit took is measured against its
 * limit, a unit that never connects fails after the budget with the time spent, and a budget the
 * step's timeout would cut short is refused.
 */
class CloudConnectStepTest {
  private static final byte[] OS = TestLine.firmware(2048, 7);
  private static final byte[] APP = TestLine.firmware(2048, 8);

  private static final String RECIPE =
      """
      recipe: particle-cloud
      version: "1.0"
      station: {device_family: particle}
      steps:
        - id: flash_os
          kind: flash
          with: {image: images/system-4.2.0.bin, region: system, version: 4.2.0, sha256: %s}
        - id: flash_app
          kind: flash
          with: {image: images/user-1.bin, region: user, version: "1", sha256: %s}
        - id: setup_done
          kind: set_flag
          with: {name: setup_done, value: "1"}
        - id: restart
          kind: reboot
        - id: cloud_connect
          kind: cloud_connect
          %s
          with: {budget: %s, poll: 30s}
          measurements:
            - {name: cloud_connect_time, source: connect_time, units: s, range: {max: 1200}}
      """;

  @TempDir Path folder;
  private TestLine line;
  private SimulatedDevice unit;

  @BeforeEach
  void lineFiles() {
    line = new TestLine(folder);
    line.write("images/system-4.2.0.bin", OS);
    line.write("images/user-1.bin", APP);
    unit =
        new SimulatedFleet(SimulationSettings.builder().timeScale(0.0005).build())
            .unit(1, TestLine.SLOT, ParticleFamily.NAME);
  }

  private RunResult run(String timeout, String budget) {
    return line.run(
        RECIPE.formatted(Image.sha256Hex(OS), Image.sha256Hex(APP), timeout, budget), unit);
  }

  private static StepResult step(RunResult run, String id) {
    return run.steps().stream()
        .filter(s -> s.stepId().equals(id))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  void aUnitThatConnectsPassesWithTheTimeItTookMeasured() {
    RunResult run = run("timeout: 25m", "20m");

    assertThat(run.outcome()).as(run.message()).isEqualTo(Outcome.PASS);
    assertThat(step(run, "cloud_connect").measurements())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo("cloud_connect_time");
              assertThat(((Number) m.value()).doubleValue()).isBetween(20.0, 1200.0);
              assertThat(m.passed()).isTrue();
            });
  }

  @Test
  void aUnitThatNeverConnectsFailsAfterTheBudgetWithTheTimeSpent() {
    unit.inject(new Fault.Unresponsive("cloud"));

    RunResult run = run("timeout: 25m", "20m");

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("cloud_connect");
    assertThat(run.message())
        .startsWith("not connected to the cloud after 20m (budget 20m; last status: connecting)");
  }

  @Test
  void aBudgetTheTimeoutWouldCutShortIsRefused() {
    RunResult run = run("", "20m");

    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(run.message())
        .contains("its timeout (5m) must be longer than its budget (20m)")
        .contains("e.g. 25m");
  }
}
