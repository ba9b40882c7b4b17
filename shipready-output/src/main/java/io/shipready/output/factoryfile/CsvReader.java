package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link Csv} rows one at a time from a stream, by the same rules as {@link Csv#parse}, so a
 * file of a million rows is never held in memory whole. Each row knows the line it starts on.
 */
public final class CsvReader {
  private static final int BUFFER = 64 * 1024;

  private final Reader in;
  private final char[] buffer = new char[BUFFER];
  private int position;
  private int limit;
  private int line = 1;
  private int rowLine;
  private final StringBuilder field = new StringBuilder();

  public CsvReader(Reader in) {
    this.in = requireNonNull(in, "in");
  }

  /** The line the last row returned by {@link #next} starts on (1 for the first). */
  public int rowLine() {
    return rowLine;
  }

  /**
   * The next row, or null at the end of the stream.
   *
   * @throws FactoryFileLineException when a quote is left open, text follows a closing quote, a
   *     bare field holds a quote, or the last row is not ended
   */
  public List<String> next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    rowLine = line;
    List<String> row = new ArrayList<>(20);
    field.setLength(0);
    boolean quoted = false;
    boolean afterQuote = false;
    while (true) {
      if (c < 0) {
        if (quoted) {
          throw new FactoryFileLineException(line, null, "a quoted field is never closed");
        }
        throw new FactoryFileLineException(
            line, null, "the last row is not ended (a row cut short when the file was written)");
      }
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          int following = peek();
          if (following == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == '"' && field.length() == 0 && !afterQuote) {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (ch == '\n' || (ch == '\r' && peek() == '\n')) {
        if (ch == '\r') {
          read();
        }
        row.add(field.toString());
        line++;
        return row;
      } else if (afterQuote) {
        throw new FactoryFileLineException(
            line,
            null,
            "'"
                + ch
                + "' follows a closing quote; a quoted field must end at a comma or the end"
                + " of the row");
      } else if (ch == '"') {
        throw new FactoryFileLineException(
            line, null, "a double quote inside a bare field; quote the field and double the quote");
      } else {
        field.append(ch);
        // The rest of a bare field's run of plain characters at once, not char by char.
        int end = position;
        while (end < limit && isPlain(buffer[end])) {
          end++;
        }
        field.append(buffer, position, end - position);
        position = end;
      }
      c = read();
    }
  }

  /** A character that neither ends a bare field nor is refused in one. */
  private static boolean isPlain(char c) {
    return c != ',' && c != '\n' && c != '\r' && c != '"';
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
