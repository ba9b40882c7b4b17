package io.shipready.store.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measurement's limits as CFX states them (minimum and maximum acceptable, expected value), read
 * from the limits the record keeps as the recipe's validators described them ({@code 3.2 <= x <=
 * 3.4}, {@code x >= -90}, {@code x <= 60}, {@code == 2.1.0}).
 */
record CfxLimits(Double min, Double max, String expected) {
  private static final Pattern BETWEEN = Pattern.compile("(\\S+) <= x <= (\\S+)");
  private static final Pattern AT_LEAST = Pattern.compile("x >= (\\S+)");
  private static final Pattern AT_MOST = Pattern.compile("x <= (\\S+)");
  private static final String EQUALS = "== ";

  static CfxLimits of(List<String> limits) {
    Double min = null;
    Double max = null;
    String expected = null;
    for (String limit : limits) {
      Matcher between = BETWEEN.matcher(limit);
      Matcher atLeast = AT_LEAST.matcher(limit);
      Matcher atMost = AT_MOST.matcher(limit);
      if (between.matches()) {
        min = number(between.group(1), min);
        max = number(between.group(2), max);
      } else if (atLeast.matches()) {
        min = number(atLeast.group(1), min);
      } else if (atMost.matches()) {
        max = number(atMost.group(1), max);
      } else if (limit.startsWith(EQUALS)) {
        expected = limit.substring(EQUALS.length());
      }
    }
    return new CfxLimits(min, max, expected);
  }

  Double expectedNumber() {
    return expected == null ? null : number(expected, null);
  }

  private static Double number(String text, Double otherwise) {
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException notANumber) {
      return otherwise;
    }
  }
}
