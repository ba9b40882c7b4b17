package io.shipready.core.spi;

/** The strength at which the station's antenna receives the device, as RSSI in dBm. */
public interface Radio extends Capability {
  enum Band {
    BLE,
    WIFI,
    CELLULAR
  }

  double rssiDbm(Band band) throws InterruptedException;
}
