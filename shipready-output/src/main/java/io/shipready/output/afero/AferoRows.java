package io.shipready.output.afero;

import io.shipready.output.factoryfile.InvalidRowException;
import java.util.Map;

/**
 * Afero rows made from a run's fields. A value the recipe gives by the column's name wins;
 * otherwise the images the run wrote give the version ids ({@code image.<region>.version}) and the
 * unit's identifiers give the rest. Firmware types are not something a unit reports, so the recipe
 * gives them ({@code profile_fw_type=...}).
 */
final class AferoRows {
  private AferoRows() {}

  static ProgrammingRow programming(Map<String, String> unit) {
    ProgrammingRow.Builder row =
        ProgrammingRow.builder()
            .profile(
                value(unit, "profile_version_id", "image.profile.version"),
                value(unit, "profile_fw_type", null))
            .bootloader(
                value(unit, "bootloader_version_id", "image.bootloader.version"),
                value(unit, "bootloader_fw_type", null))
            .app(
                value(unit, "app_version_id", "image.app.version"),
                value(unit, "app_fw_type", null))
            .deviceId(value(unit, "device_id", null))
            .associationId(value(unit, "association_id", null))
            .companyCode(value(unit, "company_code", "attribute.company_code"))
            .bleMac(value(unit, "ble_mac", null));
    String wifiVersion = value(unit, "wifi_version_id", "image.wifi.version");
    if (!wifiVersion.isEmpty()) {
      row.wifi(wifiVersion, value(unit, "wifi_fw_type", null));
    }
    return row.build();
  }

  /**
   * @param measurement the measurement that holds the RSSI unless the recipe names another with
   *     {@code rssi_measurement=...}
   */
  static RssiRow rssi(Map<String, String> unit, String measurement) {
    String name = unit.getOrDefault("rssi_measurement", measurement);
    String text = value(unit, "rssi", "measurement." + name);
    if (text.isEmpty()) {
      throw new InvalidRowException(
          "rssi",
          "the RSSI row needs measurement '"
              + name
              + "', which the run has not taken; measure it in an earlier step, or give"
              + " rssi_measurement=<name>");
    }
    int rssi;
    try {
      rssi = (int) Math.round(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      throw new InvalidRowException("rssi", "RSSI '" + text + "' is not a number of dBm");
    }
    return new RssiRow(rssi, value(unit, "device_id", null), value(unit, "association_id", null));
  }

  private static String value(Map<String, String> unit, String name, String fallbackField) {
    String value = unit.get(name);
    if ((value == null || value.isBlank()) && fallbackField != null) {
      value = unit.get(fallbackField);
    }
    return value == null ? "" : value.strip();
  }
}
