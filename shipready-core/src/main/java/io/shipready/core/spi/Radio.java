package io.shipready.core.spi;

/** The strength at which the station's antenna receives the device, as RSSI in dBm. */
public interface Radio extends Capability {
  enum Band {
    BLE,
    WIFI,
    CELLULAR
  }

  double rssiDbm(Band band) throws InterruptedException;

  /**
   * The RSSI of this unit among others the station's antenna may hear: a receiver that hears every
   * unit near it (a BLE scanner on the station PC) picks the unit's signal by what the run knows of
   * it (device id from its scanned label, MAC). Receivers wired to one unit ignore them.
   */
  default double rssiDbm(Band band, java.util.List<io.shipready.core.model.Identifier> unit)
      throws InterruptedException {
    return rssiDbm(band);
  }
}
