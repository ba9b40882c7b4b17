package io.shipready.output.afero;

import io.shipready.output.factoryfile.InvalidRowException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of the fields a row carries; each refusal names the field as the file's header does. */
final class RowFields {
  private static final Pattern MAC =
      Pattern.compile(
          "[0-9A-Fa-f]{12}|[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){5}");

  private RowFields() {}

  /** A field that must have a value. */
  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidRowException(
          field, field + " is missing; a row without it cannot be recorded");
    }
    return value;
  }

  /** A field that may be empty; null counts as empty. */
  static String optional(String value) {
    return value == null ? "" : value;
  }

  /** Hex digits of an exact length, written in upper case, as Afero's QR code and labels do. */
  static String hex(String value, String field, int digits, String example) {
    String text = required(value, field).strip();
    if (text.length() != digits || !isHex(text)) {
      throw new InvalidRowException(
          field,
          field
              + " '"
              + value
              + "' is not "
              + digits
              + " hexadecimal digits (0-9, A-F), e.g. "
              + example
              + "; read it from the unit again");
    }
    return text.toUpperCase(Locale.ROOT);
  }

  /** Whether the text is one or more hex digits. */
  private static boolean isHex(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** A MAC address: 12 hex digits, bare or in pairs separated by colons or hyphens. */
  static String mac(String value, String field) {
    String text = required(value, field).strip();
    // Bare hex digits (the usual form) are checked without the pattern: a file has one per row.
    if (!(text.length() == 12 && isHex(text)) && !MAC.matcher(text).matches()) {
      throw new InvalidRowException(
          field,
          field
              + " '"
              + value
              + "' is not a MAC address; write 12 hexadecimal digits, bare (A0B1C2D3E4F5) or in"
              + " pairs (A0:B1:C2:D3:E4:F5)");
    }
    return text.toUpperCase(Locale.ROOT);
  }
}
