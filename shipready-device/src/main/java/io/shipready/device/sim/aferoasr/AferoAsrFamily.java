package io.shipready.device.sim.aferoasr;

import io.shipready.device.sim.FamilyModel;
import io.shipready.device.sim.SimUnit;
import io.shipready.device.spi.SimulatedFamily;

/**
 * Simulated Afero-ASR-like modules ({@link AferoAsrUnit}). Their faults are the generic ones
 * (flash, measurements, console, a swapped QR label).
 */
public final class AferoAsrFamily implements SimulatedFamily {
  /** The family's name in recipes. */
  public static final String NAME = "afero-asr";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FamilyModel build(SimUnit unit) {
    return new AferoAsrUnit(unit);
  }
}
