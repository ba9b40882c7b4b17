package io.shipready.device.tools;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import java.util.List;
import java.util.Locale;

/** Messages and exceptions for a tool that said no, shared by the drivers. */
public final class ToolErrors {
  private ToolErrors() {}

  /** A failure the driver cannot attribute to the unit: an ERROR, with the tool's own words. */
  public static DeviceException failed(ToolResult result) {
    return new DeviceException(describe(result), false);
  }

  public static FlashFailedException flashFailed(ToolResult result, String what) {
    return new FlashFailedException(what + ": " + describe(result));
  }

  public static DeviceUnreachableException unreachable(ToolResult result, String what) {
    return new DeviceUnreachableException(what + ": " + describe(result));
  }

  /** "nrfjprog: 'nrfjprog --program ...' failed (exit code 33): ERROR: ..." */
  public static String describe(ToolResult result) {
    return result.tool()
        + ": '"
        + result.commandLine()
        + "' failed (exit code "
        + result.exitCode()
        + "): "
        + result.tail();
  }

  /** True when any line of the output contains any of the phrases, ignoring case. */
  public static boolean mentions(ToolResult result, List<String> phrases) {
    String output = result.output().toLowerCase(Locale.ROOT);
    return phrases.stream().anyMatch(phrase -> output.contains(phrase.toLowerCase(Locale.ROOT)));
  }
}
