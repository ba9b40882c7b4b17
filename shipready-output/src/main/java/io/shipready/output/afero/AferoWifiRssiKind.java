package io.shipready.output.afero;

import io.shipready.output.factoryfile.RowReference;
import java.util.Map;

/**
 * {@code afero_wifi_rssi}: a row of the {@code 02} Wi-Fi RSSI validation file, from the run's
 * {@code wifi_rssi} measurement unless the step names another.
 */
public final class AferoWifiRssiKind extends AferoKind {
  public AferoWifiRssiKind() {
    super("afero_wifi_rssi", AferoFileType.WIFI_RSSI);
  }

  @Override
  void check(Map<String, String> unit) {
    AferoRows.rssi(unit, "wifi_rssi");
  }

  @Override
  RowReference append(AferoFactoryFiles files, Map<String, String> unit) {
    return files.appendWifiRssi(AferoRows.rssi(unit, "wifi_rssi"));
  }
}
