package io.shipready.device.sim.azuresphere;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepSpec;
import io.shipready.core.model.Validator;
import io.shipready.core.spi.Radio;
import io.shipready.device.sim.FamilyModel;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.FaultPlanner.Opportunity;
import io.shipready.device.sim.SimUnit;
import io.shipready.device.spi.SimulatedFamily;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Simulated Azure Sphere-like chips ({@link AzureSphereUnit}), and the faults of their own
 * operations: a unit pulled out while an image loads or while it recovers, a detuned Wi-Fi antenna
 * where the Wi-Fi check judges RSSI, and a capability left on the unit where a ready-to-ship check
 * can see it (past Blank).
 */
public final class AzureSphereFamily implements SimulatedFamily {
  /** The family's name in recipes. */
  public static final String NAME = "azure-sphere";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FamilyModel build(SimUnit unit) {
    return new AzureSphereUnit(unit);
  }

  @Override
  public List<Opportunity> opportunities(StepSpec step, Predicate<String> firstTouch) {
    Map<String, Object> params = step.params();
    switch (step.kind()) {
      case "sideload" -> {
        Object component = params.get("component_id");
        String operation = "install:" + component;
        if (component != null && firstTouch.test(operation)) {
          return List.of(
              new Opportunity(
                  step.id(),
                  new Fault.Unplugged(operation),
                  Outcome.ERROR,
                  "unplugged while loading " + component));
        }
      }
      case "recover" -> {
        if (firstTouch.test("recover")) {
          return List.of(
              new Opportunity(
                  step.id(),
                  new Fault.Unplugged("recover"),
                  Outcome.ERROR,
                  "unplugged during OS recovery"));
        }
      }
      case "wifi" -> {
        if ("check".equals(params.get("action"))) {
          return weakWifi(step, firstTouch);
        }
      }
      case "ready_to_ship" -> {
        Object expected = params.get("expected_state");
        // A Blank unit cannot be asked for its capabilities, so only a later check can see one.
        if (expected != null
            && !"Blank".equalsIgnoreCase(String.valueOf(expected))
            && firstTouch.test("capability")) {
          return List.of(
              new Opportunity(
                  step.id(),
                  new Fault.CapabilityInstalled(AzureSphereOs.FIELD_SERVICING),
                  Outcome.FAIL,
                  "capability " + AzureSphereOs.FIELD_SERVICING + " left on the unit"));
        }
      }
      default -> {}
    }
    return List.of();
  }

  /** A detuned antenna, where the Wi-Fi check has a lower RSSI limit to catch it. */
  private static List<Opportunity> weakWifi(StepSpec step, Predicate<String> firstTouch) {
    for (MeasurementSpec m : step.measurements()) {
      if (m.source().equals("rssi")) {
        Validator.Range range =
            m.validators().stream()
                .filter(Validator.Range.class::isInstance)
                .map(Validator.Range.class::cast)
                .findFirst()
                .orElse(null);
        if (range != null && range.min() != null && firstTouch.test("rssi:wifi")) {
          double weak = range.min() - 10;
          return List.of(
              new Opportunity(
                  step.id(),
                  new Fault.LowRssi(Radio.Band.WIFI, weak),
                  Outcome.FAIL,
                  "weak WIFI signal (" + weak + " dBm) at " + m.name()));
        }
      }
    }
    return List.of();
  }
}
