package io.shipready.device.gdb;

import static java.util.Objects.requireNonNull;

/** A TCP endpoint: a GDB server or a console socket. */
public record Endpoint(String host, int port) {
  public Endpoint {
    requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
    }
  }

  /**
   * Parses {@code host:port} ({@code [v6]:port} for IPv6 addresses).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Endpoint parse(String text) {
    requireNonNull(text, "text");
    String trimmed = text.strip();
    int colon = trimmed.lastIndexOf(':');
    if (colon <= 0 || colon == trimmed.length() - 1) {
      throw new IllegalArgumentException("'" + text + "' is not host:port, e.g. 127.0.0.1:3333");
    }
    String host = trimmed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new Endpoint(host, Integer.parseInt(trimmed.substring(colon + 1)));
    } catch (NumberFormatException notNumber) {
      throw new IllegalArgumentException("'" + text + "' has no port number after the colon");
    }
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
