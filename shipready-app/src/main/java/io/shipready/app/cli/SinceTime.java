package io.shipready.app.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --since} value: a time ({@code 2026-12-03T06:00:00Z}, {@code 2026-12-03T06:00} in this
 * computer's time zone), a date (its midnight here), {@code today} or {@code yesterday} (midnight
 * here), or a stretch back from now ({@code 8h}, {@code 30m}, {@code 2d}, {@code 1w}).
 */
public final class SinceTime implements ITypeConverter<Instant> {
  static final String FORMS =
      "a time (2026-12-03T06:00:00Z or 2026-12-03T06:00), a date (2026-12-03), today, yesterday,"
          + " or a stretch back from now (90m, 8h, 2d, 1w)";

  private static final Pattern AGO = Pattern.compile("(\\d{1,6})\\s*([smhdw])");

  private final Clock clock;

  public SinceTime() {
    this(Clock.systemDefaultZone());
  }

  SinceTime(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant convert(String value) {
    Instant since = parse(value);
    if (since.isAfter(clock.instant())) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is later than now: --since looks back, e.g. --since 8h or --since today");
    }
    if (since.isBefore(Instant.EPOCH)) {
      throw new TypeConversionException("'" + value + "' is before 1970: no records are that old");
    }
    return since;
  }

  private Instant parse(String value) {
    String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    Matcher ago = AGO.matcher(text);
    if (ago.matches()) {
      long amount = Long.parseLong(ago.group(1));
      Duration back =
          switch (ago.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
          };
      return clock.instant().minus(back);
    }
    LocalDate today = LocalDate.now(clock);
    if (text.equals("today")) {
      return today.atStartOfDay(clock.getZone()).toInstant();
    }
    if (text.equals("yesterday")) {
      return today.minusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }
    String upper = value.strip().toUpperCase(Locale.ROOT);
    try {
      if (!upper.contains("T")) {
        return LocalDate.parse(upper).atStartOfDay(clock.getZone()).toInstant();
      }
      if (upper.endsWith("Z") || upper.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(upper).toInstant();
      }
      return LocalDateTime.parse(upper).atZone(clock.getZone()).toInstant();
    } catch (DateTimeException notATime) {
      throw new TypeConversionException("'" + value + "' is not " + FORMS);
    }
  }
}
