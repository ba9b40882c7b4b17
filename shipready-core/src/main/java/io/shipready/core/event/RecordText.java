package io.shipready.core.event;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Makes text from the outside world (a hook's output, a scan, a recipe value, a tool's message) fit
 * to record and to show. A control character is written as a visible escape (a backslash, u and
 * four hex digits), because PostgreSQL refuses a NUL in text (failing the whole transaction) and
 * SQLite cuts the text at it; a lone surrogate is escaped too, because it cannot be encoded as
 * UTF-8. Tab, line feed and carriage return are kept: hook output is made of lines. Text longer
 * than the limit is cut, and the cut says how much was left out.
 */
public final class RecordText {
  /** Longest text the station records in one field: a page of hook output, not a log file. */
  public static final int STATION_LIMIT = 16_384;

  /**
   * Longest text kept in a field the record finds things by (an identifier, a barcode, a step id):
   * a PostgreSQL index holds at most about 2,700 bytes per entry, and a character may take four.
   */
  public static final int KEY_LIMIT = 512;

  private RecordText() {}

  /** The text made safe; the same instance when it already was (the common case costs one scan). */
  public static String safe(String text, int limit) {
    if (text == null || isSafe(text, limit)) {
      return text;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length() + 16, limit + 64));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (out.length() >= limit) {
        out.append(cutMarker(text.length() - i));
        break;
      }
      if (needsEscape(text, i)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
        if (Character.isHighSurrogate(c)) {
          out.append(text.charAt(++i));
        }
      }
    }
    return out.toString();
  }

  /** What is appended where text was cut. */
  static String cutMarker(int charsLeftOut) {
    return " [... cut: " + charsLeftOut + " more characters]";
  }

  /** Whether the text can be recorded as it is. */
  public static boolean isSafe(String text, int limit) {
    requireNonNull(text, "text");
    if (text.length() > limit) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text, i)) {
        return false;
      }
      if (Character.isHighSurrogate(text.charAt(i))) {
        i++;
      }
    }
    return true;
  }

  private static boolean needsEscape(String text, int i) {
    char c = text.charAt(i);
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    if (Character.isISOControl(c)) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c);
  }
}
