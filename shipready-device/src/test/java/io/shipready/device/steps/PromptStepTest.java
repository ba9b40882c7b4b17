package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.measurement;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.spi.Prompter;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.azuresphere.AzureSphereFamily;
import io.shipready.device.sim.particle.ParticleFamily;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Questions for the operator, answered here by a script as a dry run answers them. */
class PromptStepTest {
  private static final SimulatedFleet FLEET =
      new SimulatedFleet(SimulationSettings.builder().timeScale(0).build());

  @TempDir Path folder;
  private TestLine line;
  private ScriptedOperator operator;

  @BeforeEach
  void station() {
    operator = new ScriptedOperator();
    line = new TestLine(folder).prompter(operator);
  }

  /** Answers prompts in order from a script and keeps every question it was asked. */
  private static final class ScriptedOperator implements Prompter {
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<Prompt> asked = Collections.synchronizedList(new ArrayList<>());

    ScriptedOperator answers(String... script) {
      answers.addAll(List.of(script));
      return this;
    }

    @Override
    public synchronized String ask(Prompt prompt, Duration timeout) {
      asked.add(prompt);
      String answer = answers.poll();
      if (answer == null) {
        throw new AssertionError("nobody scripted an answer to: " + prompt.message());
      }
      return answer;
    }
  }

  private RunResult run(String steps) {
    String recipe =
        """
        recipe: particle-operator
        version: "1.0"
        station: {device_family: particle}
        steps:
        """
            + steps;
    return line.run(recipe, FLEET.unit(1, TestLine.SLOT, ParticleFamily.NAME));
  }

  @Test
  void aConfirmationAnsweredNoFailsTheStep() {
    operator.answers("no");

    RunResult run =
        run(
            """
              - id: led_check
                kind: prompt
                with: {message: Is the status LED breathing cyan?, image: images/led-cyan.png}
            """);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("led_check");
    assertThat(run.message())
        .isEqualTo("operator answered 'no' to: Is the status LED breathing cyan?");
    assertThat(run.attributes()).containsEntry("answer.led_check", "no");
    Prompter.Prompt asked = operator.asked.get(0);
    assertThat(asked.slot()).isEqualTo(TestLine.SLOT);
    assertThat(asked.kind()).isEqualTo(Prompter.Kind.CONFIRM);
    assertThat(asked.image()).isEqualTo("images/led-cyan.png");
  }

  @Test
  void aConfirmationAnsweredYesPasses() {
    operator.answers("Yes");

    RunResult run =
        run(
            """
              - id: led_check
                kind: prompt
                with: {message: Is the status LED breathing cyan?}
            """);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(run.attributes()).containsEntry("answer.led_check", "Yes");
  }

  @Test
  void aChoiceIsRecordedAndJudged() {
    operator.answers("green");

    RunResult run =
        run(
            """
              - id: enclosure
                kind: prompt
                with:
                  message: Which enclosure colour is fitted?
                  ask: choose
                  choices: [black, green, orange]
                measurements:
                  - {name: enclosure_colour, one_of: [black, green]}
            """);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(run.attributes()).containsEntry("answer.enclosure", "green");
    assertThat(measurement(run, "enclosure", "enclosure_colour").value()).isEqualTo("green");
    assertThat(operator.asked.get(0).kind()).isEqualTo(Prompter.Kind.CHOOSE);
    assertThat(operator.asked.get(0).choices()).containsExactly("black", "green", "orange");
  }

  @Test
  void aChoiceOutsideTheListFails() {
    operator.answers("purple");

    RunResult run =
        run(
            """
              - id: enclosure
                kind: prompt
                with: {message: Which enclosure colour?, ask: choose, choices: [black, green]}
            """);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message()).isEqualTo("'purple' is not one of [black, green]");
  }

  @Test
  void anEnteredValueIsJudgedByItsMeasurement() {
    operator.answers("LOT-2024-117");

    RunResult run =
        run(
            """
              - id: battery_lot
                kind: prompt
                with: {message: Enter the battery lot, ask: value}
                measurements:
                  - {name: battery_lot, regex: "B-[0-9]{4}-[0-9]{3}"}
            """);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message())
        .isEqualTo("battery_lot = LOT-2024-117 is outside matches /B-[0-9]{4}-[0-9]{3}/");
  }

  @Test
  void aUnitWithoutReadableMarkingsIsScannedByTheOperator() {
    // An Azure Sphere fixture has no camera: the operator scans the sticker instead.
    operator.answers("  SPH-000123  ");
    String recipe =
        """
        recipe: sphere-scan
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: scan_serial
            kind: scan
            with: {pattern: "SPH-[0-9]{6}", prompt: Scan the label on the lid}
        """;

    RunResult run = line.run(recipe, FLEET.unit(1, TestLine.SLOT, AzureSphereFamily.NAME));

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(run.identifiers()).containsExactly(new Identifier(Identifier.SERIAL, "SPH-000123"));
    assertThat(operator.asked.get(0).kind()).isEqualTo(Prompter.Kind.SCAN);
    assertThat(operator.asked.get(0).message()).isEqualTo("Scan the label on the lid");
  }
}
