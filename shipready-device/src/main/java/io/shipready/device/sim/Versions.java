package io.shipready.device.sim;

/** Compares dotted version numbers ("3.0.0", "v4.1"); parts that are not numbers count as 0. */
public final class Versions {
  private Versions() {}

  public static boolean atLeast(String version, String minimum) {
    return compare(version, minimum) >= 0;
  }

  public static int compare(String a, String b) {
    String[] pa = strip(a).split("\\.");
    String[] pb = strip(b).split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      int c = Long.compare(part(pa, i), part(pb, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static String strip(String version) {
    String v = version.strip();
    return v.startsWith("v") || v.startsWith("V") ? v.substring(1) : v;
  }

  private static long part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    String digits = parts[i].replaceAll("[^0-9].*$", "");
    return digits.isEmpty()
        ? 0
        : Long.parseLong(digits.length() > 18 ? digits.substring(0, 18) : digits);
  }
}
