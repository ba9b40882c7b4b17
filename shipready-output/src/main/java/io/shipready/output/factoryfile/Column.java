package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

/**
 * One column of a factory file a line profile lays out: the name in the header (or the JSON key)
 * and the unit field that fills it.
 *
 * @param name the header name, e.g. {@code imei}
 * @param field the unit field, e.g. {@code imei}, {@code image.app.version} or {@code
 *     station.partNo} (see {@link FactoryFileWriter} for the fields every row has)
 * @param required when true a row without a value for the field is refused; when false the column
 *     is left empty
 */
public record Column(String name, String field, boolean required) {
  public Column {
    requireNonNull(name, "name");
    requireNonNull(field, "field");
    if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "column name '" + name + "' must be a non-empty name without control characters");
    }
    if (field.isBlank()) {
      throw new IllegalArgumentException("column '" + name + "' names no unit field");
    }
  }

  /** A column the row must have a value for. */
  public static Column required(String name, String field) {
    return new Column(name, field, true);
  }

  /** A column left empty when the unit has no value for it. */
  public static Column optional(String name, String field) {
    return new Column(name, field, false);
  }
}
