package io.shipready.device.instruments;

import io.shipready.device.gdb.Endpoint;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an instrument's SCPI socket is, as a slot map writes it: {@code host:port}, {@code host}
 * (port 5025, the raw SCPI socket of LAN instruments), or a VISA resource string as instrument
 * software writes it: {@code TCPIP0::host::5025::SOCKET} (a raw socket at that port) or {@code
 * TCPIP0::host::INSTR} (VXI-11 or HiSLIP, which stations do not speak: the same instrument's raw
 * socket on port 5025 is used, which LXI instruments offer beside them).
 */
public final class ScpiAddress {
  public static final int DEFAULT_PORT = 5025;

  private static final Pattern SOCKET =
      Pattern.compile("TCPIP\\d*::([^:]+|\\[[^\\]]+\\])::(\\d+)::SOCKET", Pattern.CASE_INSENSITIVE);
  private static final Pattern INSTR =
      Pattern.compile(
          "TCPIP\\d*::([^:]+|\\[[^\\]]+\\])(?:::[A-Za-z0-9_,.\\-]+)?::INSTR",
          Pattern.CASE_INSENSITIVE);

  private ScpiAddress() {}

  /**
   * @throws IllegalArgumentException naming the forms that are understood
   */
  public static Endpoint parse(String text) {
    String address = text.strip();
    Matcher socket = SOCKET.matcher(address);
    if (socket.matches()) {
      return Endpoint.parse(socket.group(1) + ":" + socket.group(2));
    }
    Matcher instr = INSTR.matcher(address);
    if (instr.matches()) {
      return Endpoint.parse(instr.group(1) + ":" + DEFAULT_PORT);
    }
    if (address.contains("::")) {
      String kind = address.substring(0, address.indexOf("::")).toUpperCase(Locale.ROOT);
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is a "
              + kind
              + " VISA resource; stations reach instruments over LAN only: write"
              + " TCPIP0::<host>::5025::SOCKET, TCPIP0::<host>::INSTR or <host>:<port>");
    }
    boolean hasPort = address.startsWith("[") ? address.contains("]:") : address.contains(":");
    return Endpoint.parse(hasPort ? address : address + ":" + DEFAULT_PORT);
  }
}
