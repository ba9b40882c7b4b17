package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.device.spi.SimulatedFamily;

/**
 * Makes simulated units. A unit's identity and measurements are a function of the settings' seed,
 * its unit number and its family, never of the slot or of other units: unit 7 of seed 42 is the
 * same unit in every run. Each call builds a fresh unit (blank flash, no faults); keep the {@link
 * SimulatedDevice} for as long as the unit sits in its slot, so retries meet the same unit.
 */
public final class SimulatedFleet {
  private final SimulationSettings settings;
  private final Derivation derivation;

  public SimulatedFleet(SimulationSettings settings) {
    this.settings = requireNonNull(settings, "settings");
    this.derivation = new Derivation(settings.seed());
  }

  public SimulationSettings settings() {
    return settings;
  }

  /**
   * A fresh unit of {@code family} attached at {@code slot}.
   *
   * @param family a family registered as a {@link SimulatedFamily} ({@link
   *     SimulatedFamilies#names()})
   * @throws IllegalArgumentException for an unknown family (the message lists the known ones) or a
   *     negative unit number
   */
  public SimulatedDevice unit(int unitNumber, String slot, String family) {
    requireNonNull(slot, "slot");
    requireNonNull(family, "family");
    if (unitNumber < 0) {
      throw new IllegalArgumentException("unit number must be 0 or more, was " + unitNumber);
    }
    if (slot.isBlank()) {
      throw new IllegalArgumentException("a simulated unit needs a slot name");
    }
    SimulatedFamily builder = SimulatedFamilies.of(family);
    SimUnit unit = new SimUnit(unitNumber, slot, family, settings);
    return new SimulatedDevice(unit, builder.build(unit));
  }

  /**
   * A number in [0, 1) that depends only on the seed, the unit number and {@code purpose}: the dice
   * for a planner that injects faults at a rate, so the same units fail in every run of a seed.
   */
  public double draw(int unitNumber, String purpose) {
    requireNonNull(purpose, "purpose");
    return derivation.uniform("draw/" + unitNumber + "/" + purpose);
  }
}
