package io.shipready.device.instruments;

import io.shipready.core.device.DeviceException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measuring instrument's reply as a value in the units the slot map expects: a number in NR1, NR2
 * or NR3 form, optionally followed by its unit as some meters send it ({@code +2.51E+01 C}, {@code
 * 45.2 mA}). A unit written with an SI prefix of the expected one is converted ({@code mA} to
 * {@code A}); another unit is refused, so a meter set to the wrong function is not taken for a
 * reading.
 */
final class ScpiValue {
  private static final Pattern REPLY =
      Pattern.compile(
          "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([^\\s\\d].*)?\\s*");
  private static final Map<Character, Double> PREFIXES =
      Map.of('n', 1e-9, 'u', 1e-6, 'µ', 1e-6, 'm', 1e-3, 'k', 1e3, 'M', 1e6);

  /** What SCPI instruments answer for a measurement they could not make. */
  static final double NOT_A_NUMBER = 9.91e37;

  private ScpiValue() {}

  /**
   * @param units what the quantity is expected in, or null to take the number as it is
   * @param where the instrument and query, for messages
   */
  static double parse(String reply, String units, String where) {
    Matcher m = REPLY.matcher(reply);
    if (!m.matches()) {
      throw new DeviceException(
          where
              + " answered '"
              + reply
              + "', which is not a number; check the query names a measurement it makes",
          false);
    }
    double value = Double.parseDouble(m.group(1));
    if (value == NOT_A_NUMBER) {
      throw new DeviceException(
          where + " made no measurement (it answered 9.91E37, SCPI's not-a-number)", true);
    }
    String unit = m.group(2) == null ? "" : m.group(2).strip();
    if (unit.isEmpty() || units == null || unit.equals(units)) {
      return value;
    }
    if (unit.length() == units.length() + 1 && unit.endsWith(units)) {
      Double factor = PREFIXES.get(unit.charAt(0));
      if (factor != null) {
        return value * factor;
      }
    }
    if (units.length() == unit.length() + 1 && units.endsWith(unit)) {
      Double factor = PREFIXES.get(units.charAt(0));
      if (factor != null) {
        return value / factor;
      }
    }
    throw new DeviceException(
        where
            + " answered '"
            + reply
            + "' in "
            + unit
            + ", not in "
            + units
            + "; check the instrument's function or the slot map's units for the query",
        false);
  }
}
