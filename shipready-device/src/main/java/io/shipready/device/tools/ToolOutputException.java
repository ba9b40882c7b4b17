package io.shipready.device.tools;

import io.shipready.core.device.DeviceException;

/**
 * A vendor tool printed something its driver does not understand: another version of the tool, or a
 * message nobody expected. The message names the tool, the command and what was expected, so the
 * output can be compared with the tool's documentation. The step is an ERROR: the unit may be fine.
 */
public class ToolOutputException extends DeviceException {
  public ToolOutputException(ToolResult result, String expected) {
    super(
        result.tool()
            + ": unexpected output from '"
            + result.commandLine()
            + "' (exit code "
            + result.exitCode()
            + "): expected "
            + expected
            + "; it printed: "
            + result.tail(),
        false);
  }
}
