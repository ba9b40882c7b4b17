package io.shipready.output.afero;

import io.shipready.output.factoryfile.InvalidRowException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of the fields a row carries; each refusal names the field as the file's header does. */
final class RowFields {
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
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
    if (text.length() != digits || !HEX.matcher(text).matches()) {
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

  /** A MAC address: 12 hex digits, bare or in pairs separated by colons or hyphens. */
  static String mac(String value, String field) {
    String text = required(value, field).strip();
    if (!MAC.matcher(text).matches()) {
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
