package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.device.ManufacturingState;
import io.shipready.core.event.Event;
import io.shipready.core.event.Event.IrreversibleOperation.Phase;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.azuresphere.AzureSphereOs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Burning and checking the Wi-Fi region code in an Azure Sphere unit's e-fuses. */
class EfuseStepTest {
  /** The region code goes in while the unit is Blank, then the RF settings are locked. */
  private static final String REGION_CODE =
      """
      recipe: sphere-region-code
      version: "1.0"
      station: {device_family: azure-sphere}
      steps:
        - id: supply
          kind: measure
          measurements: [{name: supply_voltage, units: V, range: {min: 3.2, max: 3.4}}]
        - id: region_code
          kind: efuse
          with: {offset: 0x36, text: %s}
        - id: region_check
          kind: efuse_check
          with: {offset: 54, text: %s}
        - id: lock_rf
          kind: set_state
          with: {state: Module1Complete}
      """;

  @TempDir Path folder;
  private TestLine line;
  private SimulatedDevice unit;

  @BeforeEach
  void freshUnit() {
    line = new TestLine(folder);
    unit = new SphereLine(line).freshUnit(1);
  }

  private String regionCode() throws Exception {
    byte[] fuses = unit.require(Fuses.class).read(AzureSphereOs.REGION_CODE_OFFSET, 2);
    return new String(fuses, StandardCharsets.US_ASCII);
  }

  private ManufacturingState state() throws Exception {
    return unit.require(ManufacturingStates.class).current();
  }

  @Test
  void writesTheRegionCodeAt0x36WhileBlankAndChecksIt() throws Exception {
    RunResult run = line.run(REGION_CODE.formatted("DE", "DE"), unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(regionCode()).isEqualTo("DE");
    assertThat(run.attributes()).containsEntry("efuse.54", "4445");
    assertThat(state()).isEqualTo(ManufacturingState.MODULE1_COMPLETE);
    // Irreversible operations are recorded on both sides, so a half-done one can be told apart.
    assertThat(line.events(run, Event.IrreversibleOperation.class))
        .filteredOn(e -> e.stepId().equals("region_code"))
        .extracting(Event.IrreversibleOperation::phase)
        .containsExactly(Phase.BEFORE, Phase.AFTER_SUCCESS);
  }

  @Test
  void aModule1CompleteUnitRefusesAnEfuseWriteNamingItsState() throws Exception {
    String lockFirst =
        """
        recipe: sphere-late-region-code
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: supply
            kind: measure
            measurements: [{name: supply_voltage, units: V, range: {min: 3.2, max: 3.4}}]
          - id: lock_rf
            kind: set_state
            with: {state: Module1Complete}
          - id: region_code
            kind: efuse
            with: {offset: 0x36, text: US}
        """;

    RunResult run = line.run(lockFirst, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("region_code");
    assertThat(run.message())
        .contains("e-fuse write at 0x36 refused")
        .contains("is Module1Complete")
        .contains("only be written in RF test mode, while the unit is Blank");
    assertThat(unit.require(Fuses.class).read(0x36, 2)).containsOnly(0);
    assertThat(line.events(run, Event.IrreversibleOperation.class))
        .filteredOn(e -> e.stepId().equals("region_code"))
        .extracting(Event.IrreversibleOperation::phase)
        .containsExactly(Phase.BEFORE, Phase.AFTER_FAILURE);
  }

  @Test
  void aRetestWithTheSameRegionCodePassesWithoutWriting() throws Exception {
    line.run(REGION_CODE.formatted("DE", "DE"), unit);

    RunResult retest = line.run(REGION_CODE.formatted("DE", "DE"), unit);

    // The unit is Module1Complete now and would refuse any write: passing proves none was tried.
    assertThat(retest.message()).isEmpty();
    assertThat(retest.outcome()).isEqualTo(Outcome.PASS);
    assertThat(line.notices("region_code")).contains("e-fuses at 54 already hold 4445");
    assertThat(line.notices("lock_rf")).contains("already Module1Complete");
    assertThat(regionCode()).isEqualTo("DE");
  }

  @Test
  void aRetestWithAnotherRegionCodeFailsAndLeavesTheFusesAlone() throws Exception {
    line.run(REGION_CODE.formatted("DE", "DE"), unit);

    RunResult retest = line.run(REGION_CODE.formatted("US", "US"), unit);

    assertThat(retest.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(retest.failedStep()).isEqualTo("region_code");
    assertThat(retest.message())
        .isEqualTo("e-fuses at offset 54 already hold 4445; cannot write 5553");
    assertThat(step(retest, "region_check").outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(regionCode()).isEqualTo("DE");
  }

  @Test
  void theCheckFailsWhenTheFusesHoldSomethingElse() throws Exception {
    String checkOnly =
        """
        recipe: sphere-region-check
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: region_check
            kind: efuse_check
            with: {offset: 0x36, hex: "44 45"}
        """;

    RunResult blank = line.run(checkOnly, unit);
    assertThat(blank.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(blank.message()).isEqualTo("e-fuses at offset 54 hold 0000, expected 4445");
    assertThat(blank.attributes()).containsEntry("efuse.54", "0000");

    line.run(REGION_CODE.formatted("DE", "DE"), unit);
    assertThat(line.run(checkOnly, unit).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void noFuseIsBurntWhenAnEarlierCheckFailed() throws Exception {
    unit.inject(new Fault.OutOfLimits("supply_voltage", 2.7));
    // Even when the recipe goes on after the failed check, the irreversible steps do not run.
    String goesOn =
        REGION_CODE
            .formatted("DE", "DE")
            .replace("kind: measure", "kind: measure\n    on_fail: continue");

    RunResult run = line.run(goesOn, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("supply");
    assertThat(step(run, "region_code").outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(step(run, "region_code").message())
        .isEqualTo("irreversible, and supply did not pass");
    assertThat(step(run, "region_check").outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(step(run, "lock_rf").outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(line.events(run, Event.IrreversibleOperation.class)).isEmpty();
    assertThat(unit.require(Fuses.class).read(0x36, 2)).containsOnly(0);
    assertThat(state()).isEqualTo(ManufacturingState.BLANK);
  }
}
