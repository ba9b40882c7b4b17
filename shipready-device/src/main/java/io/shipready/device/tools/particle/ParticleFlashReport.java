package io.shipready.device.tools.particle;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code particle flash} reported, read in each layout the CLI prints, and checked against
 * what was asked: the device it names is the one asked for, the file's progress (where printed)
 * reached 100 %, and it ends with "Flash success!".
 *
 * <ul>
 *   <li>{@code flash --local} (CLI 3.x and later): {@code Flashing <platform> <device id>}, a
 *       progress line per module, {@code Flashing <file> |████| 100% | <size>} (only a line when
 *       the output is not a terminal; redrawn with carriage returns when it is), then "Flash
 *       success!";
 *   <li>{@code flash --serial} on CLI 3.x: a {@code NOTE:} that it was replaced by {@code flash
 *       --local}, then the same as {@code --local};
 *   <li>{@code flash --usb} (DFU, and older CLIs): dfu-util's lines ({@code Download [====] 100%},
 *       "File downloaded successfully"), then "Flash success!".
 * </ul>
 *
 * @param deviceId the device the CLI says it flashed; empty when the layout names none
 * @param layout which of the layouts above was read: local, serial or dfu
 */
record ParticleFlashReport(String deviceId, String layout) {
  private static final Pattern HEADER =
      Pattern.compile("^Flashing (?:\\S+ )?(?:device )?([0-9a-fA-F]{24})$");
  private static final Pattern MODULE =
      Pattern.compile("^Flashing (\\S+?)\\s+\\|[^|]*\\|\\s*(\\d{1,3})%.*$");
  private static final Pattern DFU_PROGRESS =
      Pattern.compile("^(?:Download|Downloading)\\s+\\[[=> ]*\\]\\s+(\\d{1,3})%.*$");
  private static final String SUCCESS = "Flash success!";

  /**
   * Reads the report of a flash that exited 0.
   *
   * @throws ToolOutputException when the output does not end in "Flash success!", names another
   *     device, or shows the file stopping short of 100 %
   */
  static ParticleFlashReport read(ToolResult result, String expectedDeviceId, String fileName) {
    List<String> lines = ParticleOutput.lines(result.stdout());
    String layout =
        lines.stream().anyMatch(l -> l.startsWith("NOTE:") && l.contains("flash serial"))
            ? "serial"
            : lines.stream().anyMatch(l -> DFU_PROGRESS.matcher(l).matches()) ? "dfu" : "local";
    String device = "";
    boolean success = false;
    for (String line : lines) {
      Matcher m;
      if ((m = HEADER.matcher(line)).matches()) {
        device = m.group(1).toLowerCase(Locale.ROOT);
        if (!device.equalsIgnoreCase(expectedDeviceId)) {
          throw new ToolOutputException(
              result,
              "a flash of device "
                  + expectedDeviceId
                  + ", but the CLI says it flashed "
                  + device
                  + "; check which unit is on the port");
        }
      } else if ((m = MODULE.matcher(line)).matches()
          && m.group(1).equals(fileName)
          && Integer.parseInt(m.group(2)) < 100) {
        throw new ToolOutputException(
            result, fileName + " flashed to 100%, but it stopped at " + m.group(2) + "%");
      } else if ((m = DFU_PROGRESS.matcher(line)).matches() && Integer.parseInt(m.group(1)) < 100) {
        // dfu-util prints the bar as it goes; only the last one counts.
        success = false;
      } else if (line.equals(SUCCESS)) {
        success = true;
      }
    }
    if (!success) {
      throw new ToolOutputException(
          result,
          "'"
              + SUCCESS
              + "' as the last word of the flash (layouts read: flash --local, --serial, --usb)");
    }
    return new ParticleFlashReport(device, layout);
  }
}
