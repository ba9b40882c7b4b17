package io.shipready.device.sim;

/**
 * Zero-padded decimal numbers for simulated identifiers ("P046AA0001234"). A station attaches a
 * simulated unit on the slot's own thread as the batch starts, so making one must cost little:
 * {@code String.format} with a locale looks up its number symbols on every call and was most of a
 * unit's start.
 */
public final class Digits {
  private Digits() {}

  /** {@code prefix} followed by {@code value} in at least {@code width} digits. */
  public static String padded(String prefix, long value, int width) {
    if (value < 0) {
      throw new IllegalArgumentException("not a count: " + value);
    }
    String digits = Long.toString(value);
    StringBuilder out = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
    out.append(prefix);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits).toString();
  }
}
