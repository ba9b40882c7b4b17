package io.shipready.core.model;

import java.math.BigDecimal;

/** Comparison and printing of measured values, which arrive as numbers, strings or booleans. */
public final class Values {
  private Values() {}

  /** The value as a number, or null when it is not one (a numeric string counts). */
  public static Double asNumber(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      try {
        return Double.valueOf(text.trim());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  /** Text read from a device or a program: a number when it reads as one, else the text. */
  public static Object numberOrText(String value) {
    try {
      return Double.valueOf(value.trim());
    } catch (NumberFormatException text) {
      return value;
    }
  }

  public static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number && actual instanceof Number) {
      return Double.compare(((Number) expected).doubleValue(), ((Number) actual).doubleValue())
          == 0;
    }
    if (expected instanceof Number) {
      Double number = asNumber(actual);
      return number != null && Double.compare(((Number) expected).doubleValue(), number) == 0;
    }
    return text(expected).equals(text(actual));
  }

  public static String text(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return format(((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }

  /** Shortest plain form of a number: 3 rather than 3.0, 0.001 rather than 1.0E-3. */
  public static String format(double number) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return Double.toString(number);
    }
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }
}
