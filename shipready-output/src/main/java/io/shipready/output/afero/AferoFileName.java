package io.shipready.output.afero;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.shipready.output.factoryfile.FactoryFileException;
import io.shipready.output.factoryfile.FileNameEncoding;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an Afero factory file: {@code
 * <type>_<ComputerName>_<ProgrammerName>_<YYYYMMDD><TimeZone>.afero}.
 *
 * <ul>
 *   <li>{@code type}: {@code 01}, {@code 02} or {@code 03} ({@link AferoFileType}).
 *   <li>{@code ComputerName}, {@code ProgrammerName}: the station configuration's names, encoded
 *       with {@link FileNameEncoding} (kept: {@code A-Z a-z 0-9 . -}; everything else, {@code _}
 *       included, as percent-encoded UTF-8), so any Unicode name fits and the four parts split at
 *       the underscores.
 *   <li>{@code YYYYMMDD}: the day, in the station's time zone, the file's rows were written.
 *   <li>{@code TimeZone}: that zone's offset from UTC at the start of that day, as {@code +HHMM} or
 *       {@code -HHMM} ({@code +0800} for Asia/Shanghai, {@code -0700} for America/Los_Angeles in
 *       summer, {@code +0000} for UTC). Afero does not define the format; an offset is used because
 *       zone abbreviations are ambiguous (CST is China, Cuba and the US Midwest). Taking the offset
 *       at the start of the day keeps a day to one file when daylight saving time begins or ends
 *       that day.
 * </ul>
 *
 * <p>Example: computer name "Prüfplatz 3", programmer "acme-plug", 15 January 2025 in Europe/Berlin
 * gives {@code 01_Pr%C3%BCfplatz%203_acme-plug_20250115+0100.afero}.
 */
public record AferoFileName(
    AferoFileType type,
    String computerName,
    String programmerName,
    LocalDate day,
    ZoneOffset offset) {
  /** Longest file name common file systems allow, in bytes. */
  public static final int MAX_LENGTH = 255;

  public static final String EXTENSION = ".afero";

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Pattern NAME =
      Pattern.compile(
          "(\\d{2})_([A-Za-z0-9.%-]+)_([A-Za-z0-9.%-]+)_(\\d{8})([+-])(\\d{2})(\\d{2})\\.afero");

  public AferoFileName {
    requireNonNull(type, "type");
    requireNonNull(computerName, "computerName");
    requireNonNull(programmerName, "programmerName");
    requireNonNull(day, "day");
    requireNonNull(offset, "offset");
    if (computerName.isEmpty() || programmerName.isEmpty()) {
      throw new IllegalArgumentException("computer and programmer names must not be empty");
    }
    if (offset.getTotalSeconds() % 60 != 0) {
      throw new IllegalArgumentException("offset " + offset + " is not a whole minute");
    }
    int length = fileName(type, computerName, programmerName, day, offset).getBytes(UTF_8).length;
    if (length > MAX_LENGTH) {
      throw new FactoryFileException(
          "the Afero factory file name for computer '"
              + computerName
              + "' and programmer '"
              + programmerName
              + "' would be "
              + length
              + " bytes long, more than file systems allow ("
              + MAX_LENGTH
              + "); shorten computerName or programmerName in the station configuration");
    }
  }

  /** The name of the file for rows written on {@code day} in {@code zone}. */
  public static AferoFileName of(
      AferoFileType type, String computerName, String programmerName, LocalDate day, ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(day.atStartOfDay(zone).toInstant());
    return new AferoFileName(type, computerName, programmerName, day, offset);
  }

  /**
   * Reads a file name back into its parts.
   *
   * @throws IllegalArgumentException when {@code fileName} is not the name of an Afero factory
   *     file, saying which part is wrong
   */
  public static AferoFileName parse(String fileName) {
    requireNonNull(fileName, "fileName");
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + fileName
              + "' is not an Afero factory file name; expected"
              + " <type>_<ComputerName>_<ProgrammerName>_<YYYYMMDD><+HHMM>.afero, e.g."
              + " 01_LINE-PC-3_acme-plug_20250115+0800.afero");
    }
    try {
      AferoFileType type = AferoFileType.ofCode(m.group(1));
      String computer = FileNameEncoding.decode(m.group(2));
      String programmer = FileNameEncoding.decode(m.group(3));
      LocalDate day = LocalDate.parse(m.group(4), DAY);
      int minutes = Integer.parseInt(m.group(6)) * 60 + Integer.parseInt(m.group(7));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((m.group(5).equals("-") ? -60 : 60) * minutes);
      return new AferoFileName(type, computer, programmer, day, offset);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'" + fileName + "' has no valid day and UTC offset: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + fileName + "': " + e.getMessage(), e);
    }
  }

  /** The file name. */
  @Override
  public String toString() {
    return fileName(type, computerName, programmerName, day, offset);
  }

  private static String fileName(
      AferoFileType type,
      String computerName,
      String programmerName,
      LocalDate day,
      ZoneOffset offset) {
    int minutes = offset.getTotalSeconds() / 60;
    return type.code()
        + "_"
        + FileNameEncoding.encode(computerName)
        + "_"
        + FileNameEncoding.encode(programmerName)
        + "_"
        + DAY.format(day)
        + String.format(
            "%s%02d%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60)
        + EXTENSION;
  }
}
