package io.shipready.device.tools.radio;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.SlotBinding;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.tools.ToolDevice;
import io.shipready.device.tools.ToolDevices;
import io.shipready.device.tools.ToolRunner;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code station-radio} driver, as a slot's {@code fixture}: the station PC's Bluetooth adapter
 * and Wi-Fi interface measure the unit's RSSI (Radio). Keys: {@code ble} ({@code {tool: btmgmt,
 * index: 0}}: {@code btmgmt --index N find -l}; or {@code {tool: bluetoothctl}}: {@code
 * bluetoothctl --timeout S scan on}), {@code wifi} ({@code {interface: wlan0}}: {@code iw dev wlan0
 * scan}, which needs root or CAP_NET_ADMIN), at least one of them; {@code scan_s} (10, how long
 * bluetoothctl scans; btmgmt ends its own discovery), {@code timeout_s} (30, per scan).
 */
public final class StationRadioDriver implements DeviceDriver {
  public static final String NAME = "station-radio";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "the station PC's BLE (BlueZ) and Wi-Fi (iw) scans as the unit's RSSI receiver";
  }

  @Override
  public SlotBinding bind(SlotSettings settings) {
    int scan = settings.number("scan_s", 10);
    Duration timeout = ToolDevices.timeout(settings, Duration.ofSeconds(30));
    StationRadio.Scanner ble = null;
    if (settings.has("ble")) {
      SlotSettings block = settings.section("ble");
      String tool = block.optionalString("tool", "btmgmt");
      ble =
          switch (tool) {
            case "btmgmt" ->
                new StationRadio.Scanner(
                    "btmgmt",
                    List.of("--index", Integer.toString(block.number("index", 0)), "find", "-l"),
                    ScanOutput::btmgmt);
            case "bluetoothctl" ->
                new StationRadio.Scanner(
                    "bluetoothctl",
                    List.of("--timeout", Integer.toString(scan), "scan", "on"),
                    ScanOutput::bluetoothctl);
            default -> throw block.error("tool", "is '" + tool + "'; use btmgmt or bluetoothctl");
          };
    }
    StationRadio.Scanner wifi = null;
    if (settings.has("wifi")) {
      SlotSettings block = settings.section("wifi");
      wifi =
          new StationRadio.Scanner(
              "iw", List.of("dev", block.string("interface"), "scan"), ScanOutput::iw);
    }
    if (ble == null && wifi == null) {
      throw settings.error(
          "give 'ble: {tool: btmgmt}' or 'wifi: {interface: wlan0}' (or both): the station-radio"
              + " driver measures with the station PC's radios");
    }
    ToolRunner runner = ToolDevices.runner(settings);
    String slot = settings.slot();
    StationRadio radio = new StationRadio(runner, ble, wifi, timeout);
    return new SlotBinding() {
      @Override
      public Set<Class<? extends Capability>> capabilities() {
        return Set.of(Radio.class);
      }

      @Override
      public ToolDevice attach(int number, String serial) {
        return ToolDevice.builder(slot, "station").with(Radio.class, radio).build();
      }

      @Override
      public void close() {}
    };
  }
}
