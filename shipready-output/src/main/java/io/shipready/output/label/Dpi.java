package io.shipready.output.label;

import java.util.List;

/**
 * Printer resolutions and the arithmetic between them. Zebra's "200 dpi" heads print 8 dots per
 * millimetre, which is 203 dpi, so 200 is read as 203 everywhere.
 */
final class Dpi {
  static final double MM_PER_INCH = 25.4;

  /** What a template's printer_dpi may say. */
  static final List<Integer> TEMPLATE = List.of(200, 203, 300, 600);

  /** What a label may be rendered for (200 is accepted as 203). */
  static final List<Integer> RENDER = List.of(203, 300, 600);

  private Dpi() {}

  static int effective(int dpi) {
    return dpi == 200 ? 203 : dpi;
  }

  static int dots(double inches, int dpi) {
    return (int) Math.round(inches * effective(dpi));
  }

  static int scale(int dots, int fromDpi, int toDpi) {
    int from = effective(fromDpi);
    int to = effective(toDpi);
    return from == to ? dots : (int) Math.round(dots * (double) to / from);
  }

  /** As {@link #scale}, rounding down: for sizes that must not outgrow the space laid out. */
  static int scaleDown(int dots, int fromDpi, int toDpi) {
    return (int) Math.floor(dots * (double) effective(toDpi) / effective(fromDpi) + 1e-9);
  }

  /** The render resolution, or a clear error when the printer's is not one shipready knows. */
  static int checkRender(int dpi) {
    int effective = effective(dpi);
    if (!RENDER.contains(effective)) {
      throw new LabelException("dpi " + dpi + " is not supported; use 203, 300 or 600");
    }
    return effective;
  }
}
