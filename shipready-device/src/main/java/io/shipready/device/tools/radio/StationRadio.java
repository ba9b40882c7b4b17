package io.shipready.device.tools.radio;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Radio;
import io.shipready.device.tools.ToolErrors;
import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The station PC's own radios as the unit's receiver: a BLE scan with BlueZ's {@code btmgmt} or
 * {@code bluetoothctl}, a Wi-Fi scan with {@code iw}. The station hears every unit near it, so the
 * unit's signal is picked by what the run knows of it: its MAC (BLE MAC, or the Wi-Fi MAC as the
 * access point's BSSID) when known, else its device id (from its scanned QR code) in the advertised
 * name or data, or in the SSID of the access point it raises in factory test mode. The RSSI is the
 * mean of the readings of one scan; a unit not heard is a unit fault.
 */
final class StationRadio implements Radio {
  /** How one tool scans: its command line and how its output is read. */
  record Scanner(String tool, List<String> arguments, Function<List<String>, List<Heard>> reader) {}

  private final ToolRunner runner;
  private final Scanner ble;
  private final Scanner wifi;
  private final Duration timeout;

  /**
   * @param ble the BLE scanner, or null
   * @param wifi the Wi-Fi scanner, or null
   */
  StationRadio(ToolRunner runner, Scanner ble, Scanner wifi, Duration timeout) {
    this.runner = requireNonNull(runner, "runner");
    this.ble = ble;
    this.wifi = wifi;
    this.timeout = requireNonNull(timeout, "timeout");
  }

  @Override
  public double rssiDbm(Band band) {
    throw new DeviceException(
        "the station's radio hears every unit near it and needs the unit's device id or MAC to"
            + " pick its signal; scan or identify the unit before measuring rssi:"
            + band.name().toLowerCase(Locale.ROOT),
        false);
  }

  @Override
  public double rssiDbm(Band band, List<Identifier> unit) throws InterruptedException {
    Scanner scanner = band == Band.BLE ? ble : band == Band.WIFI ? wifi : null;
    if (scanner == null) {
      throw new DeviceException(
          "the station's radio has no "
              + band
              + " scanner; add '"
              + band.name().toLowerCase(Locale.ROOT)
              + "' to the slot's station-radio fixture",
          false);
    }
    String mac = value(unit, band == Band.BLE ? Identifier.BLE_MAC : Identifier.WIFI_MAC);
    String deviceId = value(unit, Identifier.DEVICE_ID);
    if (mac == null && deviceId == null) {
      return rssiDbm(band);
    }
    ToolResult result = runner.run(ToolInvocation.of(scanner.tool(), timeout, scanner.arguments()));
    if (!result.succeeded()) {
      throw ToolErrors.failed(result);
    }
    List<Heard> heard = scanner.reader().apply(clean(result.stdout()).lines().toList());
    List<Heard> mine = new ArrayList<>();
    for (Heard h : heard) {
      if ((mac != null && h.address().equalsIgnoreCase(mac))
          || (deviceId != null && h.carries(deviceId))) {
        mine.add(h);
      }
    }
    String wanted =
        (deviceId == null ? "" : "device id " + deviceId)
            + (mac == null ? "" : (deviceId == null ? "" : " or ") + "address " + mac);
    if (mine.isEmpty()) {
      throw new DeviceException(
          "the station's "
              + band
              + " scan ("
              + result.commandLine()
              + ") did not hear the unit ("
              + wanted
              + ") among the "
              + heard.size()
              + " it heard; is it powered"
              + (band == Band.WIFI ? " and in factory test mode" : " and advertising")
              + "?",
          true);
    }
    if (mine.size() > 1) {
      throw new DeviceException(
          "the station's "
              + band
              + " scan heard "
              + mine.size()
              + " transmitters matching "
              + wanted
              + ": "
              + mine.stream().map(Heard::address).toList()
              + "; two units carry the same label, or the scan cannot tell them apart",
          true);
    }
    return mine.get(0).meanRssi();
  }

  private static String value(List<Identifier> unit, String kind) {
    for (Identifier id : unit) {
      if (id.kind().equals(kind)) {
        return id.value();
      }
    }
    return null;
  }

  /** Without terminal colours, carriage returns or bluetoothctl's prompt. */
  private static String clean(String output) {
    return output
        .replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "")
        .replace("\r", "")
        .replaceAll("(?m)^\\[[A-Za-z0-9 _-]+\\]# ", "");
  }
}
