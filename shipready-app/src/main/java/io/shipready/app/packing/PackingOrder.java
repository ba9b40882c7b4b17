package io.shipready.app.packing;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import java.nio.file.Path;
import java.util.List;

/**
 * What to pack: the scans read off the units, of one line, how many units go into a carton and how
 * many cartons onto a pallet, the shipment they join, where carton labels print and who packs.
 *
 * @param line the line's name (its {@code line:}) or folder name
 * @param scans what was read off each unit, in packing order: any of its identifiers
 * @param shipment the shipment to pack into (continued when it exists); null for a new one named
 *     {@code YYYYMMDD_NNNN} by the day and its quantity
 * @param printer a printer address ({@code tcp://host:port}, {@code lp:QUEUE}, {@code folder:DIR});
 *     empty for the {@code labels} folder in {@code out}
 * @param label the carton label template; null for the line's {@code labels/carton-label.json}
 * @param by who packs, for the record
 * @param out where the shipping manifest (and the default labels folder) goes
 */
public record PackingOrder(
    String line,
    List<String> scans,
    int cartonSize,
    int cartonsPerPallet,
    String shipment,
    String printer,
    Path label,
    String by,
    Path out) {
  public static final int DEFAULT_CARTON_SIZE = 10;
  public static final int DEFAULT_CARTONS_PER_PALLET = 40;

  public PackingOrder {
    requireNonNull(line, "line");
    scans = List.copyOf(scans);
    printer = printer == null ? "" : printer.strip();
    requireNonNull(by, "by");
    requireNonNull(out, "out");
    if (line.isBlank()) {
      throw new ShipreadyException(
          "the line is empty; name the units' line, e.g. --line afero-asr");
    }
    if (cartonSize < 1) {
      throw new ShipreadyException(
          "carton size " + cartonSize + " holds no unit; give 1 or more, e.g. --carton-size 10");
    }
    if (cartonsPerPallet < 1) {
      throw new ShipreadyException(
          "cartons per pallet "
              + cartonsPerPallet
              + " holds no carton; give 1 or more, e.g. --cartons-per-pallet 40");
    }
    if (shipment != null && !ShipmentNames.valid(shipment)) {
      throw new ShipreadyException(
          "shipment name '"
              + shipment
              + "' "
              + ShipmentNames.RULE
              + "; e.g. --shipment 20261204_0040");
    }
  }
}
