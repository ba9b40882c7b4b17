package io.shipready.app.packing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of shipments, cartons and pallets, and the device group a shipment's units join in the
 * cloud. Particle advises naming a product's device group {@code YYYYMMDD_NNNN}: the day and the
 * quantity of devices in the shipment; a shipment left unnamed is named so too.
 */
public final class ShipmentNames {
  /** What a shipment name may hold: it names files and goes onto labels and QR codes. */
  static final String RULE =
      "must be 1 to 64 letters, digits, '_' or '-', starting with a letter or digit";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private ShipmentNames() {}

  static boolean valid(String name) {
    return NAME.matcher(name).matches();
  }

  /** {@code YYYYMMDD_NNNN}: the day and the quantity, as Particle's group names advise. */
  public static String dateAndQuantity(LocalDate day, int quantity) {
    return day.format(DateTimeFormatter.BASIC_ISO_DATE)
        + "_"
        + String.format(Locale.ROOT, "%04d", quantity);
  }

  static String carton(String shipment, int number) {
    return shipment + "-C" + String.format(Locale.ROOT, "%03d", number);
  }

  static String pallet(String shipment, int number) {
    return shipment + "-P" + String.format(Locale.ROOT, "%02d", number);
  }
}
