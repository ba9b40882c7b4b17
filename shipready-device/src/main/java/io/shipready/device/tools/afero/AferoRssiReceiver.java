package io.shipready.device.tools.afero;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.core.spi.Radio;
import io.shipready.device.instruments.ScpiConnection;
import java.util.Locale;

/**
 * The RSSI at which an Afero validation fixture's receiver hears the module in the slot: {@code
 * MEAS:RSSI? BLE} (its advertisement) or {@code MEAS:RSSI? WIFI} (its factory-test access point),
 * answered in dBm as an SCPI number; {@code 9.91E37}, SCPI's "not a number", when it hears nothing.
 */
final class AferoRssiReceiver implements Radio {
  /** What SCPI instruments answer for a measurement they could not make. */
  static final double NOT_A_NUMBER = 9.91e37;

  private final ScpiConnection connection;

  AferoRssiReceiver(ScpiConnection connection) {
    this.connection = requireNonNull(connection, "connection");
  }

  @Override
  public double rssiDbm(Band band) {
    if (band != Band.BLE && band != Band.WIFI) {
      throw new DeviceException(
          "the Afero RSSI receiver at "
              + connection.address()
              + " measures BLE and WIFI, not "
              + band
              + "; measure rssi:ble or rssi:wifi",
          false);
    }
    String query = query(band);
    return parse(band, query, connection.query(query), connection.address().toString());
  }

  static String query(Band band) {
    return "MEAS:RSSI? " + band.name();
  }

  /**
   * The reply as dBm.
   *
   * @throws DeviceException naming the query and the reply when it is not a number in dBm, or when
   *     the receiver heard nothing (a unit fault: the module does not transmit)
   */
  static double parse(Band band, String query, String reply, String where) {
    String text = reply.strip();
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException notNumber) {
      throw new DeviceException(
          "the Afero RSSI receiver at "
              + where
              + " answered '"
              + reply
              + "' to "
              + query
              + ", which is not a number in dBm; check the fixture's receiver is the one at this"
              + " address",
          false);
    }
    if (value == NOT_A_NUMBER) {
      throw new DeviceException(
          "the Afero RSSI receiver at "
              + where
              + " hears no "
              + (band == Band.BLE
                  ? "BLE advertisement from the module (is its app flashed and the unit powered?)"
                  : "Wi-Fi access point from the module (is its Wi-Fi image flashed and the module"
                      + " in factory test mode?)"),
          true);
    }
    if (Double.isNaN(value) || value > 0 || value < -150) {
      throw new DeviceException(
          String.format(
              Locale.ROOT,
              "the Afero RSSI receiver at %s answered %s to %s, which is no RSSI in dBm (-150 to 0)",
              where,
              text,
              query),
          false);
    }
    return value;
  }
}
