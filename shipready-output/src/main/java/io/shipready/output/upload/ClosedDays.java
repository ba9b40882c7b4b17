package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which factory files are of a closed day. A station writes each day's rows to a file named with
 * the day ({@code _YYYYMMDD} before the extension, and for Afero files the station's UTC offset
 * after it, {@code _20250115+0800.afero}); a day is closed once midnight passed in the station's
 * time zone, so its file takes no more rows and may be sent. Today's files are still growing.
 */
public final class ClosedDays {
  private static final Pattern DAY = Pattern.compile("_(\\d{8})([+-]\\d{4})?\\.[^.]+$");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

  private ClosedDays() {}

  /**
   * The files split into those to send and today's, held back.
   *
   * @param zone the station's time zone, for files whose name carries no UTC offset
   * @param includeToday send today's files too
   */
  public static Selection select(List<Path> files, ZoneId zone, Instant now, boolean includeToday) {
    requireNonNull(zone, "zone");
    requireNonNull(now, "now");
    List<Path> send = new ArrayList<>();
    List<Path> today = new ArrayList<>();
    for (Path file : files) {
      boolean open = isToday(file.getFileName().toString(), zone, now);
      if (open) {
        today.add(file);
      }
      if (!open || includeToday) {
        send.add(file);
      }
    }
    return new Selection(send, today, includeToday);
  }

  /** Whether the file's name says it is the day still open; a name without a day is not. */
  static boolean isToday(String fileName, ZoneId zone, Instant now) {
    Matcher matcher = DAY.matcher(fileName);
    if (!matcher.find()) {
      return false;
    }
    try {
      LocalDate day = LocalDate.parse(matcher.group(1), DateTimeFormatter.BASIC_ISO_DATE);
      ZoneId fileZone =
          Optional.ofNullable(matcher.group(2))
              .<ZoneId>map(offset -> ZoneOffset.from(OFFSET.parse(offset)))
              .orElse(zone);
      return !day.isBefore(now.atZone(fileZone).toLocalDate());
    } catch (DateTimeParseException notADay) {
      return false;
    }
  }

  /**
   * @param send the files to send, in the order given
   * @param today the files of the day still open (sent too when {@code includeToday})
   */
  public record Selection(List<Path> send, List<Path> today, boolean includeToday) {
    public Selection {
      send = List.copyOf(send);
      today = List.copyOf(today);
    }

    /** What to tell the operator about today's files; empty when there are none. */
    public Optional<String> note() {
      if (today.isEmpty()) {
        return Optional.empty();
      }
      List<String> names = today.stream().map(f -> f.getFileName().toString()).toList();
      return Optional.of(
          includeToday
              ? "sending today's files too (--today), though the day is not closed and they may"
                  + " still grow: "
                  + String.join(", ", names)
              : "left today's files for when the day is closed (at the station's midnight; --today"
                  + " sends them now): "
                  + String.join(", ", names));
    }
  }
}
