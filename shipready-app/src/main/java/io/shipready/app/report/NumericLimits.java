package io.shipready.app.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numeric ends of a measurement's limits, read back from the limits as recorded ({@code 3.2 <=
 * x <= 3.4}, {@code x >= -90}, {@code x <= 60}). A limit that is not a number range (equals, regex,
 * one-of) has no end to draw.
 *
 * @param low the lowest good value, or null
 * @param high the highest good value, or null
 */
public record NumericLimits(Double low, Double high) {
  private static final String NUMBER = "(-?[0-9.eE+-]+)";
  private static final Pattern BETWEEN =
      Pattern.compile("\\s*" + NUMBER + "\\s*<=\\s*x\\s*<=\\s*" + NUMBER + "\\s*");
  private static final Pattern AT_LEAST = Pattern.compile("\\s*x\\s*>=\\s*" + NUMBER + "\\s*");
  private static final Pattern AT_MOST = Pattern.compile("\\s*x\\s*<=\\s*" + NUMBER + "\\s*");

  public static NumericLimits of(List<String> limits) {
    Double low = null;
    Double high = null;
    for (String limit : limits) {
      Matcher between = BETWEEN.matcher(limit);
      Matcher atLeast = AT_LEAST.matcher(limit);
      Matcher atMost = AT_MOST.matcher(limit);
      try {
        if (between.matches()) {
          low = Double.valueOf(between.group(1));
          high = Double.valueOf(between.group(2));
        } else if (atLeast.matches()) {
          low = Double.valueOf(atLeast.group(1));
        } else if (atMost.matches()) {
          high = Double.valueOf(atMost.group(1));
        }
      } catch (NumberFormatException notANumber) {
        // Not a number range after all: no line for it.
      }
    }
    return new NumericLimits(low, high);
  }

  /** True when the value is outside these limits. */
  public boolean outside(double value) {
    return (low != null && value < low) || (high != null && value > high);
  }
}
