package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A carton as packing records it: its shipment (created with it when new), its number and name, the
 * pallet it goes on, its label, and the units in it in the order they were packed.
 *
 * @param number the carton's number in its shipment, from 1
 * @param labelPrinter where its label was sent, as the printer names itself
 * @param labelSha256 the SHA-256 of the label's ZPL
 */
public record PackedCarton(
    String shipment,
    String line,
    int number,
    String name,
    String pallet,
    Instant packedAt,
    String packedBy,
    String labelPrinter,
    String labelSha256,
    List<Unit> units) {
  public PackedCarton {
    requireNonNull(shipment, "shipment");
    requireNonNull(line, "line");
    requireNonNull(name, "name");
    requireNonNull(pallet, "pallet");
    requireNonNull(packedAt, "packedAt");
    requireNonNull(packedBy, "packedBy");
    requireNonNull(labelPrinter, "labelPrinter");
    requireNonNull(labelSha256, "labelSha256");
    units = List.copyOf(units);
    if (units.isEmpty()) {
      throw new IllegalArgumentException("carton " + name + " holds no unit");
    }
  }

  /**
   * One unit in the carton.
   *
   * @param unitId the store's number for the unit ({@link UnitTrace#unitId()})
   * @param scan what was read off the unit at packing
   * @param versions the recipe and station package versions that passed it, as shipped
   */
  public record Unit(long unitId, String scan, String versions) {
    public Unit {
      requireNonNull(scan, "scan");
      requireNonNull(versions, "versions");
    }
  }
}
