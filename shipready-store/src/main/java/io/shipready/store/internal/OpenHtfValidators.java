package io.shipready.store.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit as the record keeps it ({@code 3.2 <= x <= 3.4}, {@code x >= 3}, {@code == ok}, {@code
 * matches /.../}, {@code one of [a, b]}) in the words OpenHTF's own validators print, so a tool
 * that reads OpenHTF validator strings reads ours: {@code 3.2 <= x <= 3.4}, {@code 3.0 <= x},
 * {@code x == 3.0}, {@code 'x' is equal to 'ok'}, {@code 'x' matches /.../}. Numbers are printed as
 * Python prints a float. A limit in no known shape is kept as it was written.
 */
final class OpenHtfValidators {
  private static final String NUMBER = "(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)";
  private static final Pattern BETWEEN = Pattern.compile(NUMBER + " <= x <= " + NUMBER);
  private static final Pattern AT_LEAST = Pattern.compile("x >= " + NUMBER);
  private static final Pattern AT_MOST = Pattern.compile("x <= " + NUMBER);
  private static final Pattern EQUALS = Pattern.compile("== (.*)", Pattern.DOTALL);
  private static final Pattern MATCHES = Pattern.compile("matches /(.*)/", Pattern.DOTALL);
  private static final Pattern ONE_OF = Pattern.compile("one of \\[(.*)\\]", Pattern.DOTALL);
  private static final Pattern WHOLE_NUMBER = Pattern.compile(NUMBER);

  private OpenHtfValidators() {}

  static String of(String limit) {
    Matcher m = BETWEEN.matcher(limit);
    if (m.matches()) {
      String min = python(m.group(1));
      String max = python(m.group(2));
      return min.equals(max) ? "x == " + min : min + " <= x <= " + max;
    }
    m = AT_LEAST.matcher(limit);
    if (m.matches()) {
      return python(m.group(1)) + " <= x";
    }
    m = AT_MOST.matcher(limit);
    if (m.matches()) {
      return "x <= " + python(m.group(1));
    }
    m = EQUALS.matcher(limit);
    if (m.matches()) {
      String expected = m.group(1);
      // OpenHTF's equals() is a range of one point for a number, a comparison otherwise.
      return WHOLE_NUMBER.matcher(expected).matches()
          ? "x == " + python(expected)
          : "'x' is equal to '" + expected + "'";
    }
    m = MATCHES.matcher(limit);
    if (m.matches()) {
      return "'x' matches /" + m.group(1) + "/";
    }
    m = ONE_OF.matcher(limit);
    if (m.matches()) {
      // OpenHTF has no one-of validator; this is how a custom one would print itself.
      return "'x' is one of [" + m.group(1) + "]";
    }
    return limit;
  }

  /** A number as Python's str() prints a float: 3 is 3.0, 3.25 stays 3.25. */
  static String python(String number) {
    double value = Double.parseDouble(number);
    if (value == Math.rint(value) && Math.abs(value) < 1e16) {
      return (long) value + ".0";
    }
    return Double.toString(value);
  }
}
