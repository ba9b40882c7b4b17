package io.shipready.device.tools.particle;

import static java.util.Objects.requireNonNull;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code particle usb list} prints: one line per device on USB, {@code <name> [<device id>]
 * (<platform>[, DFU][, LISTENING])}, or "No devices found."
 */
public record ParticleUsbDevices(List<Entry> devices) {
  /** One device: its name, id and the type column (platform and mode). */
  public record Entry(String name, String deviceId, String type) {
    public Entry {
      requireNonNull(name, "name");
      requireNonNull(deviceId, "deviceId");
      requireNonNull(type, "type");
    }

    /** In listening mode (blinking dark blue): it does not run its application. */
    public boolean listening() {
      return List.of(type.split(",")).stream().map(String::strip).anyMatch("LISTENING"::equals);
    }
  }

  private static final Pattern LINE =
      Pattern.compile("^(.*) \\[([0-9a-fA-F]{24})\\] \\(([^()]*)\\)$");

  public ParticleUsbDevices {
    devices = List.copyOf(devices);
  }

  /**
   * Reads the list.
   *
   * @throws ToolOutputException naming the line that is neither a device nor "No devices found."
   */
  public static ParticleUsbDevices parse(ToolResult result) {
    List<Entry> found = new ArrayList<>();
    for (String line : result.stdout().split("\\R")) {
      String text = line.strip();
      if (text.isEmpty() || text.equals("No devices found.")) {
        continue;
      }
      Matcher m = LINE.matcher(text);
      if (!m.matches()) {
        throw new ToolOutputException(
            result,
            "lines '<name> [<24 hex digit device id>] (<platform>[, LISTENING])' or 'No devices"
                + " found.', not '"
                + text
                + "'");
      }
      found.add(new Entry(m.group(1), m.group(2).toLowerCase(Locale.ROOT), m.group(3)));
    }
    return new ParticleUsbDevices(found);
  }

  public Optional<Entry> find(String deviceId) {
    return devices.stream().filter(d -> d.deviceId().equalsIgnoreCase(deviceId)).findFirst();
  }
}
