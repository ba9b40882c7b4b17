package io.shipready.device.sim.azuresphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Wifi;
import io.shipready.device.sim.Nominal;
import io.shipready.device.sim.SimUnit;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The unit's Wi-Fi networks. The unit joins the network added last; the test network has no
 * internet, so joining it is immediate. A DeviceComplete unit neither changes nor reports its
 * networks without a capability.
 */
final class SphereWifi implements Wifi {
  private final AzureSphereUnit sphere;

  SphereWifi(AzureSphereUnit sphere) {
    this.sphere = sphere;
  }

  @Override
  public void addNetwork(String ssid, String psk) throws InterruptedException {
    requireNonNull(ssid, "ssid");
    String where = sphere.unit.where();
    int ssidBytes = ssid.getBytes(StandardCharsets.UTF_8).length;
    if (ssidBytes < 1 || ssidBytes > 32) {
      throw new IllegalArgumentException(
          "Wi-Fi SSID '" + ssid + "' for " + where + " must be 1 to 32 bytes, is " + ssidBytes);
    }
    if (psk != null && !psk.isEmpty() && (psk.length() < 8 || psk.length() > 63)) {
      throw new IllegalArgumentException(
          "Wi-Fi key for network '"
              + ssid
              + "' on "
              + where
              + " must be 8 to 63 characters (WPA2), or empty for an open network");
    }
    sphere.unit.begin("wifi");
    synchronized (sphere) {
      sphere.requireAllowed(
          "Wi-Fi settings", AzureSphereOs.FIELD_SERVICING, AzureSphereOs.APP_DEVELOPMENT);
      // Re-adding a network replaces it, so a retried step does not trip over its first attempt.
      sphere.wifiNetworks.remove(ssid);
      sphere.wifiNetworks.put(ssid, psk == null ? "" : psk);
    }
  }

  @Override
  public Status status() throws InterruptedException {
    SimUnit unit = sphere.unit;
    unit.begin("wifi");
    String ssid;
    synchronized (sphere) {
      sphere.requireAnswers("its Wi-Fi status");
      ssid = sphere.wifiNetworks.keySet().stream().reduce((first, second) -> second).orElse(null);
    }
    if (ssid == null) {
      return new Status("", false, 0);
    }
    Nominal nominal = AzureSphereUnit.RADIO.get(Radio.Band.WIFI);
    double rssi = unit.reportedRssi(Radio.Band.WIFI, nominal);
    return new Status(ssid, true, (int) Math.round(rssi));
  }

  @Override
  public List<String> networks() {
    sphere.unit.beginUninterruptibly("wifi");
    synchronized (sphere) {
      sphere.requireAnswers("its Wi-Fi networks");
      return List.copyOf(sphere.wifiNetworks.keySet());
    }
  }

  @Override
  public void removeAllNetworks() {
    sphere.unit.beginUninterruptibly("wifi");
    synchronized (sphere) {
      sphere.requireAllowed(
          "Wi-Fi settings", AzureSphereOs.FIELD_SERVICING, AzureSphereOs.APP_DEVELOPMENT);
      sphere.wifiNetworks.clear();
    }
  }
}
