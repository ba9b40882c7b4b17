package io.shipready.store.internal;

/**
 * Values written in PostgreSQL COPY's text format: a tab between columns, a newline after each row,
 * {@code \N} for NULL, and backslash escapes for the characters the format gives meaning to.
 */
final class CopyText {
  private CopyText() {}

  /** Appends one row. */
  static void row(StringBuilder text, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        text.append('\t');
      }
      value(text, values[i]);
    }
    text.append('\n');
  }

  static void value(StringBuilder text, Object value) {
    if (value == null) {
      text.append("\\N");
      return;
    }
    if (value instanceof Long || value instanceof Integer) {
      text.append(value);
      return;
    }
    String s = String.valueOf(value);
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      switch (ch) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(ch);
      }
    }
  }
}
