package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * The template's printer block. Positions everywhere in the template are dots at {@code dpi}.
 *
 * @param dpi the resolution the template was laid out for: 200, 203, 300 or 600
 * @param hAlignDots moves everything printed right (positive) or left (negative)
 * @param vAlignDots moves everything printed down (positive) or up (negative)
 * @param darkness 0 to 30; empty leaves the printer's own setting
 * @param printRate inches per second, 1 to 4; empty leaves the printer's own setting
 * @param copies labels printed for each unit
 */
public record PrinterSettings(
    int dpi,
    int hAlignDots,
    int vAlignDots,
    OptionalInt darkness,
    OptionalInt printRate,
    int copies) {
  public PrinterSettings {
    requireNonNull(darkness, "darkness");
    requireNonNull(printRate, "printRate");
  }
}
