package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Makes simulated units. A unit's identity and measurements are a function of the settings' seed,
 * its unit number and its family, never of the slot or of other units: unit 7 of seed 42 is the
 * same unit in every run. Each call builds a fresh unit (blank flash, no faults); keep the {@link
 * SimulatedDevice} for as long as the unit sits in its slot, so retries meet the same unit.
 */
public final class SimulatedFleet {
  public static final String AFERO_ASR = "afero-asr";
  public static final String AZURE_SPHERE = "azure-sphere";
  public static final String PARTICLE = "particle";
  public static final List<String> FAMILIES = List.of(AFERO_ASR, AZURE_SPHERE, PARTICLE);

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
    SimUnit unit = new SimUnit(unitNumber, slot, family, settings);
    FamilyModel model =
        switch (family) {
          case AFERO_ASR -> new AferoAsrUnit(unit);
          case AZURE_SPHERE -> new AzureSphereUnit(unit);
          case PARTICLE -> new ParticleUnit(unit);
          default ->
              throw new IllegalArgumentException(
                  "the simulator has no device family '"
                      + family
                      + "'; use one of "
                      + FAMILIES
                      + " in the recipe's station.device_family");
        };
    return new SimulatedDevice(unit, model);
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
