package io.shipready.output.factoryfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The comma-separated format of factory files (RFC 4180): fields separated by commas, rows ended by
 * CR LF, UTF-8 without a byte order mark. A field is put in double quotes when it holds a comma, a
 * double quote (written twice), a line break, or starts or ends with a space or tab (so readers
 * that trim keep it); any other field is written bare, an empty one as nothing.
 */
public final class Csv {
  /** What ends every row. */
  public static final String ROW_END = "\r\n";

  private Csv() {}

  /** One field, quoted when it must be. */
  public static String field(String value) {
    Objects.requireNonNull(value, "value");
    if (!needsQuotes(value)) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** A whole row, with its {@link #ROW_END}. */
  public static String row(List<String> values) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(field(values.get(i)));
    }
    return row.append(ROW_END).toString();
  }

  /**
   * The rows of CSV text, each a list of fields. Rows may end with CR LF or LF alone; the last row
   * must be ended too, since an unended last row is a row that was never finished.
   *
   * @throws FactoryFileException when a quote is left open or a row is not ended
   */
  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    int line = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !afterQuote) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
        row.add(field.toString());
        field.setLength(0);
        afterQuote = false;
        rows.add(List.copyOf(row));
        row.clear();
        if (c == '\r') {
          i++;
        }
        line++;
      } else if (afterQuote) {
        throw new FactoryFileException(
            "CSV line "
                + line
                + ": '"
                + c
                + "' follows a closing quote; a quoted field must end"
                + " at a comma or the end of the row");
      } else if (c == '"') {
        throw new FactoryFileException(
            "CSV line "
                + line
                + ": a double quote inside a bare field; quote the field and"
                + " double the quote");
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new FactoryFileException("CSV line " + line + ": a quoted field is never closed");
    }
    if (field.length() > 0 || afterQuote || !row.isEmpty()) {
      throw new FactoryFileException("CSV line " + line + ": the last row is not ended");
    }
    return rows;
  }

  private static boolean needsQuotes(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    char last = value.charAt(value.length() - 1);
    if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
