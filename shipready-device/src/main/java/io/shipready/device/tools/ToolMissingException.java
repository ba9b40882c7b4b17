package io.shipready.device.tools;

import io.shipready.core.device.DeviceException;

/**
 * A vendor tool a slot needs is not installed where the station looks for it. This says nothing
 * about the unit (the step is an ERROR); the message names the tool, where it was looked for and
 * the setting that points to it.
 */
public class ToolMissingException extends DeviceException {
  private final String tool;

  public ToolMissingException(String tool, String message) {
    super(message, false);
    this.tool = tool;
  }

  public String tool() {
    return tool;
  }
}
