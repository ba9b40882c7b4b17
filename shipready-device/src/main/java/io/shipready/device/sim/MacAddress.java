package io.shipready.device.sim;

import java.util.Locale;

/** MAC addresses of simulated units: two fixed leading bytes, then four from a unit's number. */
public final class MacAddress {
  private MacAddress() {}

  /** {@code first:second:} then the low four bytes of {@code suffix}, as upper-case hex. */
  public static String of(int first, int second, long suffix) {
    return String.format(
        Locale.ROOT,
        "%02X:%02X:%02X:%02X:%02X:%02X",
        first,
        second,
        (suffix >>> 24) & 0xFF,
        (suffix >>> 16) & 0xFF,
        (suffix >>> 8) & 0xFF,
        suffix & 0xFF);
  }
}
