package io.shipready.backoffice.ingest;

import io.shipready.output.config.StationIdentity;
import io.shipready.output.factoryfile.ProgrammingRow;
import java.sql.SQLException;

/** Where a programming file's units go, inside the file's transaction. */
interface UnitSink {
  /** The columns of {@code registered_units} every sink fills, in this order. */
  String COLUMNS =
      "device_id, association_id, ble_mac, company_code, profile_version_id, profile_fw_type,"
          + " bootloader_version_id, bootloader_fw_type, app_version_id, app_fw_type,"
          + " wifi_version_id, wifi_fw_type, part_no, manufacturer, factory, station_id,"
          + " hw_version, account, state, file_sha256, file_line";

  String ENABLED = "enabled";

  void add(long line, ProgrammingRow row, StationIdentity station) throws SQLException;

  /** Sends what is still buffered. */
  void finish() throws SQLException;

  static Object[] values(
      long line, ProgrammingRow row, StationIdentity station, String account, String sha256) {
    return new Object[] {
      row.deviceId(),
      row.associationId(),
      row.bleMac(),
      row.companyCode(),
      row.profileVersionId(),
      row.profileFwType(),
      row.bootloaderVersionId(),
      row.bootloaderFwType(),
      row.appVersionId(),
      row.appFwType(),
      row.wifiVersionId(),
      row.wifiFwType(),
      station.partNo(),
      station.manufacturer(),
      station.factory(),
      station.stationId(),
      station.hwVersion(),
      account,
      ENABLED,
      sha256,
      line
    };
  }
}
