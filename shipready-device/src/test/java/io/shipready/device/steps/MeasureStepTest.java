package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.measurement;
import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.event.Event;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.model.Validator;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.particle.ParticleFamily;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measurements on the fixture and the radio, judged by the recipe's limits or a variant's. */
class MeasureStepTest {
  private static final String POWER_AND_RADIO =
      """
      recipe: particle-power-radio
      version: "1.0"
      station: {device_family: particle}
      variants:
        us:
          limits:
            ble_rssi: {range: {min: -70, max: -20}}
      steps:
        - id: power
          kind: measure
          with: {samples: %d}
          measurements:
            - {name: vdd, source: supply_voltage, units: V, range: {min: 3.2, max: 3.4}}
            - {name: idle_current, source: current_ma, units: mA, range: {max: 60}}
        - id: radio
          kind: measure
          measurements:
            - {name: cell_rssi, source: "rssi:cellular", units: dBm, range: {min: -90}}
            - {name: ble_rssi, source: "rssi:ble", units: dBm, range: {min: -65, max: -20}}
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

  private static String recipe(int samples) {
    return POWER_AND_RADIO.formatted(samples);
  }

  @Test
  void aNominalUnitPassesEveryLimitAndEveryValueIsRecorded() {
    RunResult run = line.run(recipe(1), unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    Measurement vdd = measurement(run, "power", "vdd");
    assertThat((Double) vdd.value()).isBetween(3.2, 3.4);
    assertThat(vdd.units()).isEqualTo("V");
    assertThat(vdd.limits()).containsExactly("3.2 <= x <= 3.4");
    assertThat(vdd.passed()).isTrue();
    assertThat(line.events(run, Event.MeasurementTaken.class))
        .extracting(e -> e.measurement().name())
        .containsExactly("vdd", "idle_current", "cell_rssi", "ble_rssi");
  }

  @Test
  void aSupplyOutOfLimitsFailsWithItsValueAndLimit() {
    unit.inject(new Fault.OutOfLimits("supply_voltage", 2.91));

    RunResult run = line.run(recipe(1), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("power");
    assertThat(run.message()).isEqualTo("vdd = 2.91 V is outside 3.2 <= x <= 3.4");
    Measurement vdd = measurement(run, "power", "vdd");
    assertThat(vdd.value()).isEqualTo(2.91);
    assertThat(vdd.passed()).isFalse();
    // The other value of the step is still taken and kept: a failed unit's record is complete.
    assertThat(measurement(run, "power", "idle_current").passed()).isTrue();
    assertThat(step(run, "radio").outcome()).isEqualTo(StepOutcome.SKIPPED);
  }

  @Test
  void aWeakCellularSignalFailsWithItsValueAndLimit() {
    unit.inject(new Fault.LowRssi(Radio.Band.CELLULAR, -101));

    RunResult run = line.run(recipe(1), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("radio");
    assertThat(run.message()).isEqualTo("cell_rssi = -101 dBm is outside x >= -90");
  }

  @Test
  void aVariantsLimitsDecideTheVerdict() {
    // -68 dBm on BLE: too weak for the default limit, good enough for the US variant.
    unit.inject(new Fault.LowRssi(Radio.Band.BLE, -68));
    RunResult byDefault = line.run(recipe(1), unit);

    RunResult us = line.variant("us").run(recipe(1), unit);

    assertThat(byDefault.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(byDefault.message()).isEqualTo("ble_rssi = -68 dBm is outside -65 <= x <= -20");
    assertThat(us.message()).isEmpty();
    assertThat(us.outcome()).isEqualTo(Outcome.PASS);
    assertThat(measurement(us, "radio", "ble_rssi").limits()).containsExactly("-70 <= x <= -20");
    assertThat(line.events(us, Event.RunStarted.class))
        .extracting(Event.RunStarted::variant)
        .containsExactly("us");
  }

  @Test
  void forVariantReplacesOnlyTheLimitsTheVariantNames() {
    Recipe recipe = line.parse(recipe(1));

    Recipe us = recipe.forVariant("us");

    assertThat(limitsOf(recipe, "radio", "ble_rssi")).isEqualTo("-65 <= x <= -20");
    assertThat(limitsOf(us, "radio", "ble_rssi")).isEqualTo("-70 <= x <= -20");
    assertThat(limitsOf(us, "radio", "cell_rssi")).isEqualTo("x >= -90");
    assertThat(limitsOf(us, "power", "vdd")).isEqualTo("3.2 <= x <= 3.4");
  }

  private static String limitsOf(Recipe recipe, String stepId, String measurement) {
    MeasurementSpec spec = recipe.step(stepId).orElseThrow().measurement(measurement).orElseThrow();
    return String.join(" and ", spec.validators().stream().map(Validator::describe).toList());
  }

  @Test
  void averagingSamplesSteadiesOneBadReading() throws Exception {
    unit.inject(new Fault.OutOfLimits("supply_voltage", 3.5).times(1));

    RunResult run = line.run(recipe(4), unit);

    double steady = unit.require(Sensors.class).read("supply_voltage");
    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(measurement(run, "power", "vdd").value())
        .isEqualTo(Math.round((3.5 + 3 * steady) / 4 * 1000.0) / 1000.0);
  }

  @Test
  void aQuantityTheFixtureCannotMeasureIsAnError() {
    String humidity =
        """
        recipe: particle-humidity
        version: "1.0"
        station: {device_family: particle}
        steps:
          - id: climate
            kind: measure
            measurements: [{name: humidity, units: "%", range: {max: 60}}]
        """;

    RunResult run = line.run(humidity, unit);

    // The fixture is wrong for the recipe; that says nothing about the unit.
    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(run.message()).contains("has no meter for 'humidity'");
  }
}
