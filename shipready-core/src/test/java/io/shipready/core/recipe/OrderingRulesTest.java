package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where identification, checks, irreversible and finalization steps may stand. */
class OrderingRulesTest {
  private final RecipeParser parser = new RecipeParser(TestSteps.library());

  /** The steps follow on line 6, after four lines of head and "steps:". */
  private List<String> problems(String steps) {
    String yaml =
        """
        recipe: sample
        version: "1.0"
        station: {device_family: particle}
        setup: {}
        steps:
        """
            + steps;
    return parser.check("r.yaml", yaml).stream().map(RecipeProblem::toString).toList();
  }

  @Test
  void aRecipeInTheRightOrderPasses() {
    assertThat(parser.check("good.yaml", RecipeParserTest.GOOD)).isEmpty();
  }

  @Test
  void aRecipeWithoutIdentificationNeedsNone() {
    assertThat(
            problems(
                """
                  - {id: flash_app, kind: flash, with: {image: a.bin}}
                  - {id: measure, kind: measure, measurements: [{name: vdd, range: {min: 3}}]}
                  - {id: burn, kind: efuse, with: {fuses: jtag}}
                """))
        .isEmpty();
  }

  @Test
  void identificationComesFirst() {
    assertThat(
            problems(
                """
                  - {id: flash_app, kind: flash, with: {image: a.bin}}
                  - {id: identify, kind: identify}
                """))
        .containsExactly(
            "r.yaml:6:5: step 'flash_app' does not wait for the unit to be identified (make it"
                + " depend on 'identify', directly or through the steps before it)",
            "r.yaml:7:5: identification step 'identify' runs after 'flash_app', which is not an"
                + " identification step (identify the unit first: make 'identify' depend only on"
                + " identification steps, or on nothing)");
  }

  @Test
  void everyStepWaitsForIdentification() {
    assertThat(
            problems(
                """
                  - {id: identify, kind: identify}
                  - {id: scan, kind: identify, depends_on: []}
                  - {id: flash_app, kind: flash, with: {image: a.bin}, depends_on: []}
                """))
        .containsExactly(
            "r.yaml:8:5: step 'flash_app' does not wait for the unit to be identified (make it"
                + " depend on 'identify' or 'scan', directly or through the steps before it)");
  }

  @Test
  void atMostOneFinalizationStep() {
    assertThat(
            problems(
                """
                  - {id: rts, kind: ready_to_ship}
                  - {id: finalize, kind: set_state, with: {state: DeviceComplete}}
                  - {id: again, kind: set_state, with: {state: DeviceComplete}}
                """))
        .containsExactly(
            "r.yaml:8:5: step 'again' is a second finalization step; 'finalize' already is one"
                + " (keep one finalization step, the last of the recipe)");
  }

  @Test
  void finalizationComesLast() {
    assertThat(
            problems(
                """
                  - {id: rts, kind: ready_to_ship}
                  - {id: finalize, kind: set_state, with: {state: DeviceComplete}}
                  - {id: flash_late, kind: flash, with: {image: a.bin}}
                """))
        .containsExactly(
            "r.yaml:7:5: finalization step 'finalize' does not wait for 'flash_late'"
                + " (finalization comes last: make 'finalize' depend on them, directly or through"
                + " the steps after them)");
  }

  @Test
  void finalizationNotWaitingForAParallelCheckIsReportedOnce() {
    assertThat(
            problems(
                """
                  - {id: identify, kind: identify}
                  - {id: measure, kind: measure, measurements: [{name: vdd, range: {min: 3}}]}
                  - {id: rts, kind: ready_to_ship, depends_on: identify}
                  - {id: finalize, kind: set_state, with: {state: DeviceComplete}}
                """))
        .containsExactly(
            "r.yaml:9:5: finalization step 'finalize' does not wait for 'measure' (finalization"
                + " comes last: make 'finalize' depend on them, directly or through the steps"
                + " after them)");
  }

  @Test
  void irreversibleStepNeedsACheckBeforeIt() {
    assertThat(
            problems(
                """
                  - {id: flash_app, kind: flash, with: {image: a.bin}}
                  - {id: burn, kind: efuse, with: {fuses: jtag}}
                """))
        .containsExactly(
            "r.yaml:7:5: irreversible step 'burn' is not preceded by its checks: no check runs"
                + " before it (add a check step before it and list it in its depends_on)");
  }

  @Test
  void irreversibleStepWaitsForEveryCheckListedBeforeIt() {
    assertThat(
            problems(
                """
                  - {id: flash_app, kind: flash, with: {image: a.bin}}
                  - {id: measure_a, kind: measure, measurements: [{name: a, range: {min: 3}}]}
                  - {id: measure_b, kind: measure, measurements: [{name: b, range: {min: 3}}],
                     depends_on: flash_app}
                  - {id: burn, kind: efuse, with: {fuses: jtag}}
                """))
        .containsExactly(
            "r.yaml:10:5: irreversible step 'burn' does not wait for the checks listed before"
                + " it: 'measure_a' (add them to its depends_on, so 'burn' runs only when they"
                + " passed)");
  }

  @Test
  void irreversibleStepNeedsItsRequiredChecks() {
    assertThat(
            problems(
                """
                  - {id: measure, kind: measure, measurements: [{name: vdd, range: {min: 3}}]}
                  - {id: finalize, kind: set_state, with: {state: DeviceComplete}}
                """))
        .containsExactly(
            "r.yaml:7:5: irreversible step 'finalize' needs a 'ready_to_ship' step before it (add"
                + " a step of kind ready_to_ship and list it in the depends_on of 'finalize')");
  }

  @Test
  void requiredCheckListedAfterIsNamed() {
    assertThat(
            problems(
                """
                  - {id: measure, kind: measure, measurements: [{name: vdd, range: {min: 3}}]}
                  - {id: burn, kind: efuse, with: {fuses: jtag}}
                  - {id: rts, kind: ready_to_ship, depends_on: measure}
                  - {id: finalize, kind: set_state, with: {state: DeviceComplete},
                     depends_on: [burn]}
                """))
        .containsExactly(
            "r.yaml:9:5: finalization step 'finalize' does not wait for 'rts' (finalization"
                + " comes last: make 'finalize' depend on them, directly or through the steps"
                + " after them)");
  }

  @Test
  void noIrreversibleStepInSetupOrTeardown() {
    List<RecipeProblem> problems =
        parser.check(
            "r.yaml",
            """
            recipe: sample
            version: "1.0"
            station: {device_family: particle}
            setup:
              run:
                - {id: burn, kind: efuse, with: {fuses: jtag}}
            teardown:
              station:
                - {id: finalize, kind: set_state, with: {state: DeviceComplete}}
            steps:
              - {id: identify, kind: identify}
            """);

    assertThat(problems)
        .extracting(RecipeProblem::toString)
        .containsExactly(
            "r.yaml:6:7: step 'burn' (kind efuse) is irreversible and may not stand in setup.run"
                + " (move it to steps, after the checks that must pass before it)",
            "r.yaml:9:7: step 'finalize' (kind set_state) is irreversible and may not stand in"
                + " teardown.station (move it to steps, after the checks that must pass before"
                + " it)");
  }

  @Test
  void orderingWaitsUntilTheDependenciesAreSound() {
    assertThat(
            problems(
                """
                  - {id: identify, kind: identify}
                  - {id: burn, kind: efuse, with: {fuses: jtag}, depends_on: [identfy]}
                """))
        .containsExactly(
            "r.yaml:7:63: step 'burn' depends on unknown step 'identfy' (did you mean"
                + " 'identify'? steps in steps: identify)");
  }
}
