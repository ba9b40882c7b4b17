package io.shipready.device.emulated;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.SlotSettings;
import io.shipready.device.gdb.Endpoint;
import io.shipready.device.gdb.GdbTargetSettings;
import io.shipready.device.serial.ConsoleLink;
import io.shipready.device.serial.SerialPortLink;
import io.shipready.device.serial.TcpConsoleLink;
import java.time.Duration;
import java.util.List;

/**
 * Where one slot's unit is reached: its debug probe's GDB server and its console. The same for an
 * emulated unit and a real one on a probe.
 *
 * @param slot the slot's name
 * @param target how the target is laid out and started (regions, identity page, reset command)
 * @param console the console, or null for a slot without one
 */
public record SlotEndpoints(String slot, GdbTargetSettings target, ConsoleEndpoint console) {
  public SlotEndpoints {
    requireNonNull(slot, "slot");
    requireNonNull(target, "target");
  }

  public Endpoint gdb() {
    return target.endpoint();
  }

  /**
   * A console over TCP ({@code tcp:host:port}) or on a serial port ({@code serial:DEVICE@BAUD}).
   */
  public record ConsoleEndpoint(Endpoint tcp, String serialDevice, int baud) {
    public static ConsoleEndpoint tcp(Endpoint endpoint) {
      return new ConsoleEndpoint(requireNonNull(endpoint, "endpoint"), null, 0);
    }

    public static ConsoleEndpoint serial(String device, int baud) {
      return new ConsoleEndpoint(null, requireNonNull(device, "device"), baud);
    }

    /**
     * Parses {@code tcp:HOST:PORT} or {@code serial:DEVICE[@BAUD]} (115200 baud when not given).
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static ConsoleEndpoint parse(String text) {
      String value = text.strip();
      if (value.startsWith("tcp:")) {
        return tcp(Endpoint.parse(value.substring(4)));
      }
      if (value.startsWith("serial:")) {
        String rest = value.substring(7);
        int at = rest.lastIndexOf('@');
        if (at < 0) {
          return serial(rest, 115200);
        }
        try {
          return serial(rest.substring(0, at), Integer.parseInt(rest.substring(at + 1)));
        } catch (NumberFormatException notNumber) {
          throw new IllegalArgumentException(
              "'" + text + "': the baud rate after @ is not a number");
        }
      }
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not tcp:HOST:PORT or serial:DEVICE@BAUD (e.g. serial:/dev/ttyACM0@115200)");
    }

    /**
     * The slot's {@code console} key.
     *
     * @throws io.shipready.core.ShipreadyException naming the slot and the key when it is not one
     */
    public static ConsoleEndpoint read(SlotSettings settings) {
      try {
        return parse(settings.string("console"));
      } catch (IllegalArgumentException bad) {
        throw settings.error("console", "is wrong: " + bad.getMessage());
      }
    }

    /**
     * The slot's {@code line_ending} key: what ends each command sent, {@code "\r\n"} unless set.
     */
    public static String lineEnding(SlotSettings settings) {
      String ending = settings.optionalString("line_ending", "\r\n");
      if (!List.of("\r\n", "\r", "\n").contains(ending)) {
        throw settings.error("line_ending", "must be \"\\r\\n\", \"\\r\" or \"\\n\"");
      }
      return ending;
    }

    /**
     * Connects to the console.
     *
     * @throws io.shipready.core.device.DeviceUnreachableException naming the address when it does
     *     not answer
     */
    public ConsoleLink open(Duration connectTimeout) {
      return tcp != null
          ? TcpConsoleLink.open(tcp, connectTimeout)
          : SerialPortLink.open(serialDevice, baud);
    }

    @Override
    public String toString() {
      return tcp != null ? "tcp:" + tcp : "serial:" + serialDevice + "@" + baud;
    }
  }
}
