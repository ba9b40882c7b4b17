package io.shipready.output.afero;

import io.shipready.output.factoryfile.Csv;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The three kinds of Afero factory file, by the number their names start with, and the columns
 * shipready writes in each.
 *
 * <p>Afero lists the fields of each file but not their order, so the order is shipready's choice,
 * written in a header row: the fields in the order Afero's documentation lists them, then the
 * station's identity fields ({@link #IDENTITY_COLUMNS}). Afero documents the identity fields for
 * the programming file only; shipready writes them in the RSSI files as well, so every row says
 * which station, factory and product it came from.
 */
public enum AferoFileType {
  /** {@code 01}: written by the programming station for every module it programmed. */
  PROGRAMMING(
      "01",
      "programming",
      List.of(
          "profile_version_id",
          "profile_fw_type",
          "bootloader_version_id",
          "bootloader_fw_type",
          "app_version_id",
          "app_fw_type",
          "wifi_version_id",
          "wifi_fw_type",
          "device_id",
          "association_id",
          "company_code",
          "ble_mac")),
  /** {@code 02}: written by the Wi-Fi RSSI validation station for every unit that passed. */
  WIFI_RSSI("02", "Wi-Fi RSSI validation", List.of("rssi", "device_id", "association_id")),
  /** {@code 03}: written by the BLE RSSI validation station for every unit that passed. */
  BLE_RSSI("03", "BLE RSSI validation", List.of("rssi", "device_id", "association_id"));

  /**
   * The station's identity, last in every row: Afero's partNo spelt as Afero spells it, the others
   * as Afero names them with an underscore for the space.
   */
  public static final List<String> IDENTITY_COLUMNS =
      List.of("partNo", "manufacturer", "factory", "station_id", "hw_version");

  private final String code;
  private final String description;
  private final List<String> unitColumns;

  AferoFileType(String code, String description, List<String> unitColumns) {
    this.code = code;
    this.description = description;
    this.unitColumns = unitColumns;
  }

  /** The two digits a file name starts with. */
  public String code() {
    return code;
  }

  public String description() {
    return description;
  }

  /** The unit's columns, in order, without the station's identity. */
  List<String> unitColumns() {
    return unitColumns;
  }

  /** Every column of a row, in order: the unit's fields, then {@link #IDENTITY_COLUMNS}. */
  public List<String> columns() {
    return Stream.concat(unitColumns.stream(), IDENTITY_COLUMNS.stream()).toList();
  }

  /** The header row, with its row end. */
  public String header() {
    return Csv.row(columns());
  }

  /**
   * @throws IllegalArgumentException for a code that is not 01, 02 or 03
   */
  public static AferoFileType ofCode(String code) {
    for (AferoFileType type : values()) {
      if (type.code.equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + Objects.requireNonNull(code, "code")
            + "' is not an Afero factory file type: use 01"
            + " (programming), 02 (Wi-Fi RSSI) or 03 (BLE RSSI)");
  }
}
