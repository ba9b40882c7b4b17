package io.shipready.output.afero;

import io.shipready.output.factoryfile.InvalidRowException;
import java.util.List;

/**
 * One unit whose RSSI validation passed: a row of an Afero {@code 02} (Wi-Fi) or {@code 03} (BLE)
 * file.
 *
 * @param rssi the received signal strength in dBm, from -127 to 20
 * @param deviceId 16 hex digits, written in upper case
 * @param associationId 24 hex digits, written in upper case
 * @throws InvalidRowException naming the first field that is missing or malformed
 */
public record RssiRow(int rssi, String deviceId, String associationId) {
  public static final int MIN_RSSI = -127;
  public static final int MAX_RSSI = 20;

  public RssiRow {
    if (rssi < MIN_RSSI || rssi > MAX_RSSI) {
      throw new InvalidRowException(
          "rssi",
          "rssi "
              + rssi
              + " dBm is not a signal strength a radio reports ("
              + MIN_RSSI
              + " to "
              + MAX_RSSI
              + " dBm); check the measurement");
    }
    deviceId = RowFields.hex(deviceId, "device_id", 16, ProgrammingRow.EXAMPLE_DEVICE_ID);
    associationId =
        RowFields.hex(associationId, "association_id", 24, ProgrammingRow.EXAMPLE_ASSOCIATION_ID);
  }

  List<String> values() {
    return List.of(Integer.toString(rssi), deviceId, associationId);
  }
}
