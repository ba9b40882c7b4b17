package io.shipready.device.sim.particle;

import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepSpec;
import io.shipready.device.sim.FamilyModel;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.FaultPlanner;
import io.shipready.device.sim.SimUnit;
import io.shipready.device.spi.SimulatedFamily;
import java.util.List;
import java.util.function.Predicate;

/**
 * Simulated Particle-like cellular units ({@link ParticleUnit}). Their faults are the generic ones
 * (flash, measurements, console) and a unit that never reaches the cloud.
 */
public final class ParticleFamily implements SimulatedFamily {
  /** The family's name in recipes. */
  public static final String NAME = "particle";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FamilyModel build(SimUnit unit) {
    return new ParticleUnit(unit);
  }

  @Override
  public List<FaultPlanner.Opportunity> opportunities(StepSpec step, Predicate<String> firstTouch) {
    if (step.kind().equals("cloud_connect") && firstTouch.test(ParticleCloud.OPERATION)) {
      return List.of(
          new FaultPlanner.Opportunity(
              step.id(),
              new Fault.Unresponsive(ParticleCloud.OPERATION),
              Outcome.FAIL,
              "never reaches the cloud (SIM not activated, no coverage)"));
    }
    return List.of();
  }
}
