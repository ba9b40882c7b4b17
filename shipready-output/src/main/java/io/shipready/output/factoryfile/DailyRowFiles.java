package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One kind of factory file, one file per day in the station's time zone: each row goes to the file
 * of the day it is appended on. The day only moves forward: should the clock be set back across
 * midnight, rows keep going to the newer day's file rather than reopening one that may already have
 * been uploaded.
 *
 * <p>A row already in the day's file word for word is not appended again: a station that stopped
 * between writing a unit's row and recording it writes the row once when it settles its queue.
 */
public final class DailyRowFiles implements AutoCloseable {
  private final Clock clock;
  private final ZoneId zone;
  private final Function<LocalDate, Path> fileForDay;
  private final RowSyntax syntax;
  private final String header;
  private LocalDate day;
  private RowFile file;
  private boolean closed;

  /**
   * @param header the header row with its row end, or null for files without one
   */
  public DailyRowFiles(
      Clock clock,
      ZoneId zone,
      Function<LocalDate, Path> fileForDay,
      RowSyntax syntax,
      String header) {
    this.clock = requireNonNull(clock, "clock");
    this.zone = requireNonNull(zone, "zone");
    this.fileForDay = requireNonNull(fileForDay, "fileForDay");
    this.syntax = requireNonNull(syntax, "syntax");
    this.header = header;
  }

  /**
   * Appends the row {@code render} makes for the current time. The row is rendered, and so checked,
   * before any file is opened: a refused row leaves no trace.
   */
  public synchronized RowReference append(Function<ZonedDateTime, String> render) {
    if (closed) {
      throw new FactoryFileException(
          "factory file " + currentFile().getFileName() + " was closed; open the writer again");
    }
    ZonedDateTime now = clock.instant().atZone(zone);
    LocalDate today = now.toLocalDate();
    if (day != null && today.isBefore(day)) {
      today = day;
    }
    String row = render.apply(now);
    if (file == null || !file.isOpen() || !today.equals(day)) {
      closeFile();
      file = RowFile.open(fileForDay.apply(today), syntax, header, clock);
      day = today;
    }
    OptionalLong written = file.rowNumberOf(row);
    long number = written.isPresent() ? written.getAsLong() : file.append(row);
    return new RowReference(file.path(), number, row.stripTrailing());
  }

  public ZoneId zone() {
    return zone;
  }

  /** The file today's rows go to (it may not exist yet). */
  public synchronized Path currentFile() {
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    return fileForDay.apply(day != null && today.isBefore(day) ? day : today);
  }

  @Override
  public synchronized void close() {
    closed = true;
    closeFile();
  }

  private void closeFile() {
    if (file != null) {
      file.close();
      file = null;
    }
  }
}
