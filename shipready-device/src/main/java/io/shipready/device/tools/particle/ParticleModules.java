package io.shipready.device.tools.particle;

import static java.util.Objects.requireNonNull;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code particle serial inspect} prints: the device and platform, then for each firmware
 * module on the device a line {@code <Type> module #<index> - version <number>} (two spaces in),
 * its size, the user part's UUID, its four checks (Integrity, Address Range, Platform,
 * Dependencies: PASS or FAIL) and the modules it depends on (six spaces in).
 *
 * @param modules module type as the CLI names it ("Bootloader", "System part", "User part", "Radio
 *     stack module", "Network co-processor firmware") to its module version number
 * @param failedChecks "<Type>: <check>" for every check that did not PASS, in order
 */
public record ParticleModules(
    String deviceId, Map<String, Integer> modules, List<String> failedChecks) {
  public static final String BOOTLOADER = "Bootloader";
  public static final String SYSTEM = "System part";
  public static final String USER = "User part";
  public static final String RADIO_STACK = "Radio stack module";
  public static final String NCP = "Network co-processor firmware";

  private static final Pattern DEVICE = Pattern.compile("^Device: ([0-9a-fA-F]{24})$");
  private static final Pattern PLATFORM = Pattern.compile("^Platform: \\d+ - .+$");
  private static final Pattern MODULE =
      Pattern.compile("^  (\\S.*?) module #(\\d+) - version (\\d+)$");
  private static final Pattern DEPENDENCY =
      Pattern.compile("^ {6}(\\S.*?) module #(\\d+) - version (\\d+)$");
  private static final Pattern SIZE =
      Pattern.compile("^  Size: [0-9.]+ kB( / MaxSize: [0-9.]+ kB)?$");
  private static final Pattern UUID = Pattern.compile("^ {4}UUID: [0-9a-fA-F]+$");
  private static final Pattern CHECK =
      Pattern.compile("^ {4}(Integrity|Address Range|Platform|Dependencies): (PASS|FAIL)$");

  public ParticleModules {
    requireNonNull(deviceId, "deviceId");
    modules = Map.copyOf(modules);
    failedChecks = List.copyOf(failedChecks);
  }

  /**
   * Reads the inspection.
   *
   * @throws ToolOutputException naming the first line it does not understand, or when there is no
   *     device line
   */
  public static ParticleModules parse(ToolResult result) {
    String deviceId = null;
    Map<String, Integer> modules = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    String current = null;
    for (String line : result.stdout().split("\\R")) {
      String text = line.stripTrailing();
      Matcher m;
      if (text.isBlank() || text.equals("Modules")) {
        continue;
      } else if ((m = DEVICE.matcher(text)).matches()) {
        deviceId = m.group(1).toLowerCase(Locale.ROOT);
      } else if (PLATFORM.matcher(text).matches()
          || SIZE.matcher(text).matches()
          || UUID.matcher(text).matches()
          || DEPENDENCY.matcher(text).matches()) {
        continue;
      } else if ((m = MODULE.matcher(text)).matches()) {
        current = m.group(1);
        modules.put(current, Integer.parseInt(m.group(3)));
      } else if ((m = CHECK.matcher(text)).matches()) {
        if (m.group(2).equals("FAIL")) {
          failed.add((current == null ? "?" : current) + ": " + m.group(1));
        }
      } else {
        throw new ToolOutputException(
            result,
            "'Device: <id>', 'Platform: ...' and module blocks ('  <Type> module #<n> - version"
                + " <n>', Size, UUID, checks), not '"
                + text
                + "'");
      }
    }
    if (deviceId == null) {
      throw new ToolOutputException(result, "a line 'Device: <24 hex digits>'");
    }
    return new ParticleModules(deviceId, modules, failed);
  }
}
