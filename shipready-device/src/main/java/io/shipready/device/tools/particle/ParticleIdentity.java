package io.shipready.device.tools.particle;

import static java.util.Objects.requireNonNull;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code particle identify} prints: "Your device id is ...", and on cellular devices "Your
 * IMEI is ..." and "Your ICCID is ...", then "Your system firmware version is ...". IMEI and ICCID
 * are empty on devices without a modem.
 */
public record ParticleIdentity(String deviceId, String imei, String iccid, String systemFirmware) {
  private static final Pattern DEVICE_ID =
      Pattern.compile("(?im)^\\s*Your device id is\\s+([0-9a-f]{24})\\s*$");
  private static final Pattern IMEI =
      Pattern.compile("(?im)^\\s*Your IMEI is\\s+([0-9]{14,16})\\s*$");
  private static final Pattern ICCID =
      Pattern.compile("(?im)^\\s*Your ICCID is\\s+([0-9]{18,22}F?)\\s*$");
  private static final Pattern SYSTEM =
      Pattern.compile("(?im)^\\s*Your system firmware version is\\s+(\\S+)\\s*$");

  public ParticleIdentity {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(imei, "imei");
    requireNonNull(iccid, "iccid");
    requireNonNull(systemFirmware, "systemFirmware");
  }

  /**
   * Reads the identify output.
   *
   * @throws ToolOutputException when there is no 24-hex-digit device id line
   */
  public static ParticleIdentity parse(ToolResult result) {
    String output = result.stdout();
    Matcher deviceId = DEVICE_ID.matcher(output);
    if (!deviceId.find()) {
      throw new ToolOutputException(
          result, "a line 'Your device id is <24 hex digits>' (the device in listening mode)");
    }
    return new ParticleIdentity(
        deviceId.group(1).toLowerCase(java.util.Locale.ROOT),
        first(IMEI, output),
        first(ICCID, output),
        first(SYSTEM, output));
  }

  private static String first(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    return matcher.find() ? matcher.group(1) : "";
  }
}
