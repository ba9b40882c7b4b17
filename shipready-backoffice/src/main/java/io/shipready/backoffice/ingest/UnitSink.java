package io.shipready.backoffice.ingest;

import io.shipready.output.config.StationIdentity;
import io.shipready.output.factoryfile.FactoryFileLineException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Where a file's units go, inside the file's transaction. */
interface UnitSink {
  /**
   * The unit's fields a registration holds, by the column names of {@code registered_units} that
   * the factory files' readers use as field names.
   */
  List<String> UNIT_FIELDS =
      List.of(
          "device_id",
          "association_id",
          "ble_mac",
          "company_code",
          "profile_version_id",
          "profile_fw_type",
          "bootloader_version_id",
          "bootloader_fw_type",
          "app_version_id",
          "app_fw_type",
          "wifi_version_id",
          "wifi_fw_type");

  /** The field checked against the released profile versions. */
  String PROFILE_VERSION = "profile_version_id";

  /** The columns of {@code registered_units} every sink fills, in this order. */
  String COLUMNS =
      String.join(", ", UNIT_FIELDS)
          + ", part_no, manufacturer, factory, station_id, hw_version, account, state,"
          + " file_sha256, file_line";

  String ENABLED = "enabled";

  void add(long line, Map<String, String> fields, StationIdentity station) throws SQLException;

  /** Sends what is still buffered. */
  void finish() throws SQLException;

  /**
   * A field a registration holds.
   *
   * @throws FactoryFileLineException when the unit lacks it
   */
  static String field(long line, Map<String, String> fields, String field) {
    String value = fields.get(field);
    if (value == null) {
      throw new FactoryFileLineException(
          (int) line,
          field,
          "the unit has no "
              + field
              + "; the back office registers a unit with "
              + String.join(", ", UNIT_FIELDS));
    }
    return value;
  }

  /**
   * The values of {@link #COLUMNS} for a unit.
   *
   * @throws FactoryFileLineException when the unit lacks a field a registration holds
   */
  static Object[] values(
      long line,
      Map<String, String> fields,
      StationIdentity station,
      String account,
      String sha256) {
    Object[] values = new Object[UNIT_FIELDS.size() + 9];
    int i = 0;
    for (String field : UNIT_FIELDS) {
      values[i++] = field(line, fields, field);
    }
    values[i++] = station.partNo();
    values[i++] = station.manufacturer();
    values[i++] = station.factory();
    values[i++] = station.stationId();
    values[i++] = station.hwVersion();
    values[i++] = account;
    values[i++] = ENABLED;
    values[i++] = sha256;
    values[i] = line;
    return values;
  }
}
