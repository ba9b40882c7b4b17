package io.shipready.device.sim.particle;

import io.shipready.device.sim.FamilyModel;
import io.shipready.device.sim.SimUnit;
import io.shipready.device.spi.SimulatedFamily;

/**
 * Simulated Particle-like cellular units ({@link ParticleUnit}). Their faults are the generic ones
 * (flash, measurements, console).
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
}
