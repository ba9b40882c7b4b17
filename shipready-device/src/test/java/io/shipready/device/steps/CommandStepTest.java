package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.measurement;
import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.particle.ParticleFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A factory's own program run as a step: what it learns of the unit, and what it tells back. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the hooks are POSIX shell scripts")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommandStepTest {
  private static final String HOOK =
      """
      recipe: particle-hook
      version: "1.0"
      station: {device_family: particle}
      steps:
        - id: scan_serial
          kind: scan
          with: {fields: [serial, mobile_secret]}
        - id: hook
          kind: command
          with: {run: [sh, hook.sh]}
          timeout: %s
          measurements:
            - {name: offset_mv, units: mV, range: {min: %s, max: 20}}
      """;

  private static final SimulatedFleet FLEET =
      new SimulatedFleet(SimulationSettings.builder().timeScale(0).build());

  @TempDir Path folder;
  private TestLine line;
  private SimulatedDevice unit;

  @BeforeEach
  void freshUnit() {
    line = new TestLine(folder);
    unit = FLEET.unit(1, TestLine.SLOT, ParticleFamily.NAME);
  }

  private void hook(String script) {
    line.write("hook.sh", script);
  }

  private static String recipe(String timeout, int minimumOffset) {
    return HOOK.formatted(timeout, minimumOffset);
  }

  @Test
  void keyValueOutputBecomesAttributesAndMeasurements() {
    hook(
        """
        echo "calibrating the unit in slot $SHIPREADY_SLOT"
        echo "serial=$SHIPREADY_ID_SERIAL"
        echo "run=$SHIPREADY_RUN_ID"
        echo "offset_mv = 12.5"
        echo "fixture=F-07"
        """);

    RunResult run = line.run(recipe("10s", -20), unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    String serial =
        run.identifiers().stream()
            .filter(id -> id.kind().equals(Identifier.SERIAL))
            .findFirst()
            .orElseThrow()
            .value();
    // The program learns the unit from its environment and its answers go to the record.
    assertThat(run.attributes())
        .containsEntry("exit.hook", "0")
        .containsEntry("hook.serial", serial)
        .containsEntry("hook.run", run.runId())
        .containsEntry("hook.offset_mv", "12.5")
        .containsEntry("hook.fixture", "F-07");
    Measurement offset = measurement(run, "hook", "offset_mv");
    assertThat(offset.value()).isEqualTo(12.5);
    assertThat(offset.units()).isEqualTo("mV");
    assertThat(offset.passed()).isTrue();
  }

  @Test
  void aValueOutsideItsLimitsFailsTheStep() {
    hook("echo offset_mv=12.5\n");

    RunResult run = line.run(recipe("10s", 15), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("hook");
    assertThat(run.message()).isEqualTo("offset_mv = 12.5 mV is outside 15 <= x <= 20");
  }

  @Test
  void aNonZeroExitFailsWithTheLastLinesTheProgramPrinted() {
    hook(
        """
        echo "offset_mv=3"
        echo "step 1 ok"
        echo "step 2 ok"
        echo "step 3: cannot reach the tester at 10.0.0.7"
        echo "giving up"
        exit 3
        """);

    RunResult run = line.run(recipe("10s", -20), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message())
        .isEqualTo(
            "sh exited with 3 (expected 0): step 2 ok | step 3: cannot reach the tester at"
                + " 10.0.0.7 | giving up");
    // What it said before it gave up is kept all the same.
    assertThat(run.attributes()).containsEntry("exit.hook", "3");
    assertThat(measurement(run, "hook", "offset_mv").value()).isEqualTo(3.0);
  }

  @Test
  void theExitCodeTheRecipeExpectsPasses() {
    hook("echo offset_mv=0\nexit 3\n");
    String expectsThree =
        recipe("10s", -20).replace("run: [sh, hook.sh]", "run: [sh, hook.sh], expect_exit: 3");

    RunResult run = line.run(expectsThree, unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aHangingProgramIsKilledWhenItsStepTimesOut() throws Exception {
    hook(
        """
        echo $$ > hook.pid
        sleep 30 &
        echo $! > sleep.pid
        wait
        """);

    long started = System.nanoTime();
    RunResult run = line.run(recipe("500ms", -20), unit);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(step(run, "hook").outcome()).isEqualTo(StepOutcome.TIMEOUT);
    assertThat(run.message()).isEqualTo("did not finish within 500ms");
    // Neither the script nor what it started is left running on the station.
    for (String pidFile : List.of("hook.pid", "sleep.pid")) {
      long pid = Long.parseLong(Files.readString(folder.resolve(pidFile)).trim());
      assertThat(endsWithin(pid, Duration.ofSeconds(3))).as(pidFile).isTrue();
    }
  }

  @Test
  void aProgramThatCannotStartIsAnError() {
    String missing =
        recipe("10s", -20).replace("run: [sh, hook.sh]", "run: [no-such-factory-tool, --check]");

    RunResult run = line.run(missing, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(run.message()).contains("cannot run no-such-factory-tool");
  }

  /** Whether the process is gone (or only a zombie nobody reaped yet) within the time. */
  private static boolean endsWithin(long pid, Duration time) throws Exception {
    long deadline = System.nanoTime() + time.toNanos();
    while (System.nanoTime() < deadline) {
      if (!running(pid)) {
        return true;
      }
      Thread.sleep(20);
    }
    return !running(pid);
  }

  private static boolean running(long pid) {
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!alive || !Files.isDirectory(Path.of("/proc/self"))) {
      return alive;
    }
    try {
      // A killed child of a killed parent may linger as a zombie until reaped; it runs nothing.
      String fields = Files.readString(stat);
      return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }
}
