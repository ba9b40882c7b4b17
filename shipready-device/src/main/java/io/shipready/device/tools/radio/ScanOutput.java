package io.shipready.device.tools.radio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the station PC's standard scanning tools print, read into what they heard. BlueZ's {@code
 * btmgmt find} prints a {@code dev_found: <MAC> type LE Random rssi -57 ...} line per
 * advertisement, followed by its {@code name}; {@code bluetoothctl scan on} prints {@code [NEW]
 * Device <MAC> <name>} and {@code [CHG] Device <MAC> RSSI: -56} (newer versions {@code RSSI:
 * 0xffffffc8 (-56)}), with manufacturer and service data as indented hex lines after {@code
 * ManufacturerData Value:}; {@code iw dev <if> scan} prints a {@code BSS <bssid>(on wlan0)} block
 * per access point with its {@code signal: -49.00 dBm} and {@code SSID:}. Lines of other kinds are
 * passed over: the tools print more than is read here.
 */
final class ScanOutput {
  private static final String MAC = "([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})";
  private static final Pattern BTMGMT_FOUND =
      Pattern.compile("dev_found: " + MAC + " type .*\\brssi (-?\\d+)");
  private static final Pattern BTMGMT_NAME = Pattern.compile("^name (.*)$");
  private static final Pattern CTL_NEW = Pattern.compile("\\[NEW\\] Device " + MAC + " (.*)$");
  private static final Pattern CTL_RSSI =
      Pattern.compile(
          "\\[CHG\\] Device " + MAC + " RSSI: (?:0x[0-9a-fA-F]+ \\((-?\\d+)\\)|(-?\\d+))");
  private static final Pattern CTL_NAME =
      Pattern.compile("\\[CHG\\] Device " + MAC + " (?:Name|Alias): (.*)$");
  private static final Pattern CTL_DATA =
      Pattern.compile("\\[CHG\\] Device " + MAC + " (?:ManufacturerData|ServiceData) Value:");
  private static final Pattern HEX_ROW =
      Pattern.compile("^\\s+((?:[0-9a-fA-F]{2} ?)+)(?:\\s{2,}.*)?$");
  private static final Pattern IW_BSS = Pattern.compile("^BSS " + MAC + "(?:\\(on \\S+\\))?");
  private static final Pattern IW_SIGNAL = Pattern.compile("^\\s*signal: (-?[0-9.]+) dBm");
  private static final Pattern IW_SSID = Pattern.compile("^\\s*SSID: (.*)$");

  private ScanOutput() {}

  /** The advertisements {@code btmgmt find} printed, one entry per device. */
  static List<Heard> btmgmt(List<String> lines) {
    Map<String, Builder> heard = new LinkedHashMap<>();
    Builder current = null;
    for (String line : lines) {
      Matcher found = BTMGMT_FOUND.matcher(line);
      if (found.find()) {
        current = heard.computeIfAbsent(found.group(1).toUpperCase(), Builder::new);
        current.rssi.add(Double.parseDouble(found.group(2)));
        continue;
      }
      Matcher name = BTMGMT_NAME.matcher(line.strip());
      if (current != null && name.matches()) {
        current.name = name.group(1).strip();
      }
    }
    return build(heard);
  }

  /** The devices {@code bluetoothctl scan on} reported, with their RSSI changes. */
  static List<Heard> bluetoothctl(List<String> lines) {
    Map<String, Builder> heard = new LinkedHashMap<>();
    Builder data = null;
    for (String line : lines) {
      Matcher row = HEX_ROW.matcher(line);
      if (data != null && !line.strip().startsWith("[") && row.matches()) {
        data.data.append(row.group(1).replace(" ", ""));
        continue;
      }
      data = null;
      Matcher added = CTL_NEW.matcher(line);
      if (added.find()) {
        Builder device = heard.computeIfAbsent(added.group(1).toUpperCase(), Builder::new);
        String name = added.group(2).strip();
        // bluetoothctl names a device without a name by its address, dashed.
        if (!name.equalsIgnoreCase(added.group(1).replace(':', '-'))) {
          device.name = name;
        }
        continue;
      }
      Matcher rssi = CTL_RSSI.matcher(line);
      if (rssi.find()) {
        String value = rssi.group(2) != null ? rssi.group(2) : rssi.group(3);
        heard
            .computeIfAbsent(rssi.group(1).toUpperCase(), Builder::new)
            .rssi
            .add(Double.parseDouble(value));
        continue;
      }
      Matcher name = CTL_NAME.matcher(line);
      if (name.find()) {
        heard.computeIfAbsent(name.group(1).toUpperCase(), Builder::new).name =
            name.group(2).strip();
        continue;
      }
      Matcher value = CTL_DATA.matcher(line);
      if (value.find()) {
        data = heard.computeIfAbsent(value.group(1).toUpperCase(), Builder::new);
      }
    }
    return build(heard);
  }

  /** The access points {@code iw dev <if> scan} listed. */
  static List<Heard> iw(List<String> lines) {
    Map<String, Builder> heard = new LinkedHashMap<>();
    Builder current = null;
    for (String line : lines) {
      Matcher bss = IW_BSS.matcher(line);
      if (bss.find()) {
        current = heard.computeIfAbsent(bss.group(1).toUpperCase(), Builder::new);
        continue;
      }
      if (current == null) {
        continue;
      }
      Matcher signal = IW_SIGNAL.matcher(line);
      if (signal.find()) {
        current.rssi.add(Double.parseDouble(signal.group(1)));
        continue;
      }
      Matcher ssid = IW_SSID.matcher(line);
      if (ssid.find()) {
        current.name = ssid.group(1).strip();
      }
    }
    return build(heard);
  }

  private static List<Heard> build(Map<String, Builder> heard) {
    List<Heard> all = new ArrayList<>();
    for (Builder b : heard.values()) {
      if (!b.rssi.isEmpty()) {
        all.add(new Heard(b.address, b.name, b.data.toString(), b.rssi));
      }
    }
    return all;
  }

  private static final class Builder {
    final String address;
    String name = "";
    final StringBuilder data = new StringBuilder();
    final List<Double> rssi = new ArrayList<>();

    Builder(String address) {
      this.address = address;
    }
  }
}
