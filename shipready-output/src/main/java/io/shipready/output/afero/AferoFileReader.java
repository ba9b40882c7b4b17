package io.shipready.output.afero;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.shipready.output.config.StationIdentity;
import io.shipready.output.factoryfile.CsvReader;
import io.shipready.output.factoryfile.FactoryFileLineException;
import io.shipready.output.factoryfile.InvalidRowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/**
 * Reads an Afero factory file as {@link AferoFactoryFiles} writes it: a header row with exactly the
 * columns of its {@link AferoFileType}, then one row per unit, each checked by the same rules the
 * station applied when it wrote the row ({@link ProgrammingRow}, {@link RssiRow}, {@link
 * StationIdentity}). The receiving side uses it, so the two sides cannot disagree on the format.
 *
 * <p>The first fault stops the reading with a {@link FactoryFileLineException} naming the line and
 * the field.
 */
public final class AferoFileReader {
  /** What the reader hands on, row by row. */
  public interface RowHandler {
    /** A row of a {@code 01} file. */
    void programming(int line, ProgrammingRow row, StationIdentity station) throws IOException;

    /** A row of a {@code 02} or {@code 03} file. */
    void rssi(int line, RssiRow row, StationIdentity station) throws IOException;
  }

  private static final int UNIT_COLUMNS_END_OFFSET = AferoFileType.IDENTITY_COLUMNS.size();

  private AferoFileReader() {}

  /**
   * Reads every row of {@code in}, a file of type {@code type}.
   *
   * @return the number of unit rows (the header not counted)
   * @throws FactoryFileLineException at the first line that is not as it must be
   */
  public static long read(InputStream in, AferoFileType type, RowHandler handler)
      throws IOException {
    requireNonNull(in, "in");
    requireNonNull(type, "type");
    requireNonNull(handler, "handler");
    CsvReader csv =
        new CsvReader(
            new InputStreamReader(
                in,
                UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
    List<String> columns = type.columns();
    List<String> header;
    try {
      header = csv.next();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw notUtf8(1);
    }
    if (header == null) {
      throw new FactoryFileLineException(
          1, null, "the file is empty; a " + type.code() + " file starts with its header row");
    }
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      throw new FactoryFileLineException(
          1, null, "the file starts with a byte order mark; write UTF-8 without one");
    }
    checkHeader(header, columns, type);
    long rows = 0;
    while (true) {
      List<String> values;
      try {
        values = csv.next();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw notUtf8(csv.rowLine() + 1);
      }
      if (values == null) {
        return rows;
      }
      int line = csv.rowLine();
      if (values.size() != columns.size()) {
        throw new FactoryFileLineException(
            line,
            values.size() < columns.size() ? columns.get(values.size()) : null,
            "the row has "
                + values.size()
                + " fields where the header has "
                + columns.size()
                + "; every row needs one value per column (an empty one as nothing between"
                + " commas)");
      }
      StationIdentity station = identity(line, values, columns);
      try {
        if (type == AferoFileType.PROGRAMMING) {
          handler.programming(line, programming(values), station);
        } else {
          handler.rssi(line, rssi(line, values), station);
        }
      } catch (InvalidRowException e) {
        throw new FactoryFileLineException(line, e.field(), e.getMessage());
      }
      rows++;
    }
  }

  private static void checkHeader(List<String> header, List<String> columns, AferoFileType type) {
    if (header.equals(columns)) {
      return;
    }
    for (int i = 0; i < columns.size(); i++) {
      String found = i < header.size() ? header.get(i) : null;
      if (!columns.get(i).equals(found)) {
        throw new FactoryFileLineException(
            1,
            columns.get(i),
            "the header has "
                + (found == null ? "no column" : "'" + found + "'")
                + " where a "
                + type.code()
                + " ("
                + type.description()
                + ") file has '"
                + columns.get(i)
                + "'; the header must be exactly "
                + String.join(",", columns));
      }
    }
    throw new FactoryFileLineException(
        1,
        header.get(columns.size()),
        "the header has a column '"
            + header.get(columns.size())
            + "' after the last one ("
            + columns.get(columns.size() - 1)
            + "); the header must be exactly "
            + String.join(",", columns));
  }

  private static ProgrammingRow programming(List<String> v) {
    return new ProgrammingRow(
        v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8),
        v.get(9), v.get(10), v.get(11));
  }

  private static RssiRow rssi(int line, List<String> v) {
    int rssi;
    try {
      rssi = Integer.parseInt(v.get(0).strip());
    } catch (NumberFormatException e) {
      throw new FactoryFileLineException(
          line, "rssi", "rssi '" + v.get(0) + "' is not a whole number of dBm, e.g. -52");
    }
    return new RssiRow(rssi, v.get(1), v.get(2));
  }

  private static StationIdentity identity(int line, List<String> values, List<String> columns) {
    int first = columns.size() - UNIT_COLUMNS_END_OFFSET;
    for (int i = first; i < columns.size(); i++) {
      if (values.get(i).isBlank()) {
        throw new FactoryFileLineException(
            line,
            columns.get(i),
            columns.get(i) + " is missing; every row names the station that wrote it");
      }
    }
    return new StationIdentity(
        values.get(first),
        values.get(first + 1),
        values.get(first + 2),
        values.get(first + 3),
        values.get(first + 4));
  }

  private static FactoryFileLineException notUtf8(int line) {
    return new FactoryFileLineException(
        line, null, "the text is not UTF-8; write the file in UTF-8");
  }
}
