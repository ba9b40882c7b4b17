package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of recipes: a number with an optional unit, {@code 500ms}, {@code 30s},
 * {@code 2m}, {@code 1h}. A bare number is seconds, so {@code timeout: 30} reads as people expect.
 */
public final class Durations {
  /** The accepted text as a regular expression; the recipe schema checks durations with it too. */
  public static final String SYNTAX = "^([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)?$";

  private static final Pattern PATTERN = Pattern.compile(SYNTAX);
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Durations() {}

  /**
   * Reads a duration such as {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h} or {@code 30}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms when it is not one
   */
  public static Duration parse(String text) {
    requireNonNull(text, "text");
    Matcher matcher = PATTERN.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration: write a number with a unit, such as 500ms, 30s, 2m or 1h"
              + " (a bare number is seconds)");
    }
    BigDecimal amount = new BigDecimal(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    try {
      return Duration.ofNanos(amount.multiply(nanosPer(unit)).toBigInteger().longValueExact());
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException(
          "'" + text + "' is too long a duration: write at most a few days, such as 72h");
    }
  }

  private static BigDecimal nanosPer(String unit) {
    return switch (unit) {
      case "ms" -> BigDecimal.valueOf(1_000_000L);
      case "s" -> NANOS_PER_SECOND;
      case "m" -> NANOS_PER_SECOND.multiply(BigDecimal.valueOf(60));
      case "h" -> NANOS_PER_SECOND.multiply(BigDecimal.valueOf(3600));
      default -> throw new IllegalStateException("no duration unit " + unit);
    };
  }
}
