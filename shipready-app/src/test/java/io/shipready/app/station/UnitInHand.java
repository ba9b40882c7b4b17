package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.Markings;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;

/**
 * What is printed on a simulated unit the operator holds: unit n of a recipe's simulated units with
 * a seed is the same unit in every run (its stickers, QR codes and component barcodes), so the
 * operator's scanner reads here what the station's simulator carries.
 */
final class UnitInHand {
  private final SimulatedFleet fleet;
  private final String family;

  UnitInHand(Recipe recipe, long seed) {
    requireNonNull(recipe, "recipe");
    this.fleet =
        new SimulatedFleet(
            SimulationSettings.fromMap(recipe.simulation(), recipe.baseDir()).toBuilder()
                .seed(seed)
                .build());
    this.family = recipe.station().deviceFamily();
  }

  /** The barcode of {@code marking} (serial, qr, component:J1...) on unit {@code number}. */
  String barcode(int number, String marking) throws InterruptedException {
    Markings markings =
        fleet
            .unit(number, "hand", family)
            .capability(Markings.class)
            .orElseThrow(() -> new AssertionError("a " + family + " unit carries no markings"));
    return markings
        .read(marking)
        .orElseThrow(
            () -> new AssertionError("unit " + number + " has no " + marking + " to scan"));
  }
}
