package io.shipready.output.afero;

import io.shipready.output.factoryfile.RowReference;
import java.util.Map;

/**
 * {@code afero_ble_rssi}: a row of the {@code 03} BLE RSSI validation file, from the run's {@code
 * ble_rssi} measurement unless the step names another.
 */
public final class AferoBleRssiKind extends AferoKind {
  public AferoBleRssiKind() {
    super("afero_ble_rssi", AferoFileType.BLE_RSSI);
  }

  @Override
  void check(Map<String, String> unit) {
    AferoRows.rssi(unit, "ble_rssi");
  }

  @Override
  RowReference append(AferoFactoryFiles files, Map<String, String> unit) {
    return files.appendBleRssi(AferoRows.rssi(unit, "ble_rssi"));
  }
}
