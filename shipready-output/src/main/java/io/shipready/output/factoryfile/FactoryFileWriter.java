package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a line profile's own factory file: the columns of a {@link FactoryFileLayout}, as CSV or
 * JSON lines, one file per day in the station's time zone, named {@code <prefix>_<station
 * id>_<YYYYMMDD>.<csv|jsonl>} (the station id encoded with {@link FileNameEncoding}). Rows are
 * appended whole and forced to the disk, as {@link RowFile} does.
 *
 * <p>A column's field is looked up first among the fields every row has, then among the unit's
 * fields given to {@link #append} (see {@link UnitFields}). Every row has:
 *
 * <ul>
 *   <li>{@code station.stationId}, {@code station.partNo}, {@code station.manufacturer}, {@code
 *       station.factory}, {@code station.hwVersion}, {@code station.computerName}, {@code
 *       station.programmerName}, and {@code station.extra.<name>} for each extra field of the
 *       station configuration;
 *   <li>{@code row.time}: when the row was appended, ISO-8601 with the station's UTC offset, to the
 *       millisecond ({@code 2025-01-15T14:03:07.250+08:00}); {@code row.day}: that day ({@code
 *       2025-01-15}).
 * </ul>
 */
public final class FactoryFileWriter implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** ISO-8601 with milliseconds always present and the offset as +01:00 (or Z for UTC). */
  private static final DateTimeFormatter ROW_TIME =
      new java.time.format.DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")
          .appendOffset("+HH:MM", "Z")
          .toFormatter(java.util.Locale.ROOT);

  private final FactoryFileLayout layout;
  private final Map<String, String> stationFields;
  private final DailyRowFiles files;

  private FactoryFileWriter(StationConfig station, FactoryFileLayout layout, Clock clock) {
    this.layout = requireNonNull(layout, "layout");
    this.stationFields = stationFields(requireNonNull(station, "station"));
    String header = layout.format() == FileFormat.CSV ? Csv.row(layout.columnNames()) : null;
    this.files =
        new DailyRowFiles(
            requireNonNull(clock, "clock"),
            station.zone(),
            day -> station.outputFolder().resolve(fileName(layout, station.stationId(), day)),
            layout.format().syntax(),
            header);
  }

  public static FactoryFileWriter open(
      StationConfig station, FactoryFileLayout layout, Clock clock) {
    return new FactoryFileWriter(station, layout, clock);
  }

  /** {@code <prefix>_<station id, encoded>_<YYYYMMDD>.<extension>}. */
  public static String fileName(FactoryFileLayout layout, String stationId, LocalDate day) {
    return layout.prefix()
        + "_"
        + FileNameEncoding.encode(stationId)
        + "_"
        + DateTimeFormatter.BASIC_ISO_DATE.format(day)
        + "."
        + layout.format().extension();
  }

  /**
   * Appends a row for a unit.
   *
   * @param unitFields the unit's fields by name; values may hold any text, line breaks included
   * @throws InvalidRowException naming the column whose field is missing, before anything is
   *     written
   */
  public RowReference append(Map<String, String> unitFields) {
    requireNonNull(unitFields, "unitFields");
    return files.append(time -> render(values(unitFields, time)));
  }

  /**
   * Checks the unit has every field a row needs, writing nothing.
   *
   * @throws InvalidRowException as {@link #append} would
   */
  public void check(Map<String, String> unitFields) {
    values(requireNonNull(unitFields, "unitFields"), ZonedDateTime.now(files.zone()));
  }

  /** Where today's file is (it exists once a row was appended to it). */
  public Path currentFile() {
    return files.currentFile();
  }

  @Override
  public void close() {
    files.close();
  }

  private Map<String, String> values(Map<String, String> unitFields, ZonedDateTime time) {
    Map<String, String> rowFields = new LinkedHashMap<>(stationFields);
    rowFields.put("row.time", ROW_TIME.format(time));
    rowFields.put("row.day", time.toLocalDate().toString());
    Map<String, String> values = new LinkedHashMap<>();
    for (Column column : layout.columns()) {
      String value =
          rowFields.containsKey(column.field())
              ? rowFields.get(column.field())
              : unitFields.get(column.field());
      if (value == null || (column.required() && value.isBlank())) {
        if (column.required()) {
          throw missing(column, unitFields, rowFields, value == null);
        }
        value = "";
      }
      values.put(column.name(), value);
    }
    return values;
  }

  private String render(Map<String, String> values) {
    if (layout.format() == FileFormat.CSV) {
      return Csv.row(new ArrayList<>(values.values()));
    }
    try {
      // Jackson escapes line breaks inside strings, so a row stays on one line.
      return JSON.writeValueAsString(values) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always converts to JSON", e);
    }
  }

  private InvalidRowException missing(
      Column column,
      Map<String, String> unitFields,
      Map<String, String> rowFields,
      boolean absent) {
    TreeSet<String> available = new TreeSet<>(unitFields.keySet());
    available.addAll(rowFields.keySet());
    String problem = absent ? "has no field '" : "has an empty field '";
    return new InvalidRowException(
        column.name(),
        "column '"
            + column.name()
            + "' of factory file "
            + layout.prefix()
            + " needs field '"
            + column.field()
            + "', but the unit "
            + problem
            + column.field()
            + "'; record it in an earlier step, or mark the column optional. Fields this row has: "
            + String.join(", ", available));
  }

  /** The station's own fields as rows and steps name them: station.partNo, station.extra.x... */
  public static Map<String, String> stationFields(StationConfig station) {
    StationIdentity identity = station.identity();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("station.stationId", identity.stationId());
    fields.put("station.partNo", identity.partNo());
    fields.put("station.manufacturer", identity.manufacturer());
    fields.put("station.factory", identity.factory());
    fields.put("station.hwVersion", identity.hwVersion());
    fields.put("station.computerName", station.computerName());
    fields.put("station.programmerName", station.programmerName());
    station.extra().forEach((name, value) -> fields.put("station.extra." + name, value));
    return fields;
  }
}
