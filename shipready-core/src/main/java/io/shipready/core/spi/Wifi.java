package io.shipready.core.spi;

import java.util.List;

/** The device's Wi-Fi configuration. */
public interface Wifi extends Capability {

  /** What the device reports about its Wi-Fi link. */
  record Status(String ssid, boolean connected, int rssiDbm) {}

  void addNetwork(String ssid, String psk) throws InterruptedException;

  Status status() throws InterruptedException;

  List<String> networks() throws InterruptedException;

  void removeAllNetworks() throws InterruptedException;
}
