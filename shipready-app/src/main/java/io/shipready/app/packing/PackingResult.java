package io.shipready.app.packing;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a packing did: the shipment and the cartons it packed now, the scans it refused and why,
 * labels that did not print, and the shipment's manifest.
 *
 * @param shipment the shipment's name; null when nothing was packed into a new shipment
 * @param group the device group the shipment's units join in the cloud ({@code YYYYMMDD_NNNN}: the
 *     shipment's day and its quantity); null with no shipment
 * @param shipmentUnits how many units the shipment holds now, earlier packings included
 * @param manifestCsv the shipment's manifest as CSV; null when nothing was packed
 * @param manifestJson the same as JSON; null when nothing was packed
 */
public record PackingResult(
    String shipment,
    String line,
    String group,
    List<Carton> cartons,
    List<Refusal> refused,
    List<String> unprinted,
    int shipmentUnits,
    Path manifestCsv,
    Path manifestJson) {
  public PackingResult {
    requireNonNull(line, "line");
    cartons = List.copyOf(cartons);
    refused = List.copyOf(refused);
    unprinted = List.copyOf(unprinted);
  }

  /** Whether every scan was packed and every label printed. */
  public boolean allPacked() {
    return refused.isEmpty() && unprinted.isEmpty() && !cartons.isEmpty();
  }

  /** How many units this packing packed. */
  public int packedUnits() {
    return cartons.stream().mapToInt(c -> c.units().size()).sum();
  }

  /**
   * A carton packed now.
   *
   * @param units the units' names (serial, else device id), as its QR code lists them
   * @param qrPayload what the carton label's QR code holds
   * @param printer where its label went
   */
  public record Carton(
      String name, String pallet, List<String> units, String qrPayload, String printer) {
    public Carton {
      units = List.copyOf(units);
    }
  }

  /** A scan the ship gate refused, with the reason and what to do. */
  public record Refusal(String scan, String reason) {}
}
