package io.shipready.device.instruments;

import io.shipready.core.device.DeviceException;
import java.util.ArrayList;
import java.util.List;

/**
 * An instrument's error queue, read with {@code SYST:ERR?} after commands that have no reply: SCPI
 * instruments say nothing when they refuse a command ({@code VOLT 12} on a 6 V supply), they queue
 * an error ({@code -222,"Data out of range"}) until it is asked for. The queue is read until it
 * answers 0 ({@code 0,"No error"}), at most {@link #MAX} entries.
 */
final class ScpiErrors {
  static final int MAX = 20;

  private ScpiErrors() {}

  /** The queued errors, oldest first; empty when there are none. */
  static List<String> drain(ScpiConnection connection) {
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      String reply = connection.query("SYST:ERR?").strip();
      if (isNoError(reply)) {
        break;
      }
      errors.add(reply);
    }
    return errors;
  }

  /**
   * @param what the commands sent, for the message
   * @throws DeviceException naming the instrument, the commands and each error
   */
  static void check(ScpiConnection connection, String what) {
    List<String> errors = drain(connection);
    if (!errors.isEmpty()) {
      throw new DeviceException(
          "the instrument at "
              + connection.address()
              + " refused "
              + what
              + ": "
              + String.join("; ", errors)
              + "; check the slot map's fixture and the recipe's values are within what it takes",
          false);
    }
  }

  static boolean isNoError(String reply) {
    String code = reply.split(",", 2)[0].strip();
    try {
      return Integer.parseInt(code.startsWith("+") ? code.substring(1) : code) == 0;
    } catch (NumberFormatException notCode) {
      throw new DeviceException(
          "the instrument answered '" + reply + "' to SYST:ERR?; expected <code>,\"<message>\"",
          false);
    }
  }
}
