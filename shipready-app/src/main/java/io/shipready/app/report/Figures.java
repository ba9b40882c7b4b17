package io.shipready.app.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** How the report writes numbers, shares and times, the same in text and in HTML. */
final class Figures {
  private Figures() {}

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  /** A value with as many digits as it needs, at most four after the point. */
  static String value(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP);
    String text = rounded.stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }

  /** Significant enough for a spread: three digits. */
  static String spread(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }

  static String time(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
  }

  static String perHour(double unitsPerHour) {
    return String.format(Locale.ROOT, "%.0f", unitsPerHour);
  }
}
