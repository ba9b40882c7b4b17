package io.shipready.device.tools.radio;

import java.util.List;
import java.util.Locale;

/**
 * One transmitter a station's scan heard: its address (BLE MAC or Wi-Fi BSSID), what it calls
 * itself (advertised name or SSID), the data it advertised as hex, and every RSSI reading of it.
 */
record Heard(String address, String name, String data, List<Double> rssi) {
  Heard {
    address = address.toUpperCase(Locale.ROOT);
    name = name == null ? "" : name;
    data = data == null ? "" : data.toUpperCase(Locale.ROOT);
    rssi = List.copyOf(rssi);
  }

  /** Whether it carries the text (a device id) in its name or advertised data, ignoring case. */
  boolean carries(String text) {
    String wanted = text.toUpperCase(Locale.ROOT);
    return name.toUpperCase(Locale.ROOT).contains(wanted) || data.contains(wanted);
  }

  /** The mean of its readings, to a tenth of a dB. */
  double meanRssi() {
    double sum = 0;
    for (double value : rssi) {
      sum += value;
    }
    return Math.round(sum / rssi.size() * 10.0) / 10.0;
  }
}
