package io.shipready.output.label;

import java.util.List;

/**
 * Every key a label template may have, with its range and default. Afero's label configuration keys
 * are read as Afero writes them; the rest are shipready's own.
 *
 * <pre>{@code
 * {
 *   "profile": "afero",              // optional: "afero" or "generic" (the default)
 *   "description": "Module label",   // optional
 *   "printer": {
 *     "printer_dpi": 300,            // required: 200, 203, 300 or 600; every position and size
 *                                    //   below is in dots at this resolution
 *     "h_align_dots": 0,             // -120 to 120, default 0: moves everything right (+) / left (-)
 *     "v_align_dots": 0,             // -120 to 120, default 0: moves everything down (+) / up (-)
 *     "print_darkness": 15,          // 0 to 30; left out, the printer keeps its own setting
 *     "print_rate": 2,               // 1 to 4 inches per second; left out, the printer's own
 *     "copies": 1                    // 1 to 100, default 1
 *   },
 *   "label": { "width_inches": 1.0, "height_inches": 0.5 },  // or width_mm and height_mm
 *   "qr": {
 *     "magnification": 4,            // 1 to 10 dots per QR module, default 3
 *     "x_coord": 17, "y_coord": 17,  // required: the code's top-left corner
 *     "payload": "{serial}",         // required, except for the afero profile, whose payload is
 *                                    //   always 1:{association_id}:{device_id}
 *     "error_correction": "Q"        // L, M, Q or H, default Q (afero: Q only)
 *   },
 *   "aId": { "font": 18, "x": 145, "y": 20, "chunking": true, "groups_per_line": 3 },
 *   "dId": { "font": 18, "x": 145, "y": 80, "chunking": true, "groups_per_line": 2 },
 *   "pn":  { "value": "PN {part_number}", "font": 24, "x": 250, "y": 215 },
 *   "fcc": { "value": "FCC ID: {fcc_id}", "font": 24, "x": 28, "y": 290 },
 *   "text": {                        // any number of named text blocks
 *     "serial": { "value": "SN {serial}", "font": 30, "x": 140, "y": 30 }
 *   }
 * }
 * }</pre>
 *
 * <p>A text block takes {@code value} (required, except aId: {@code {association_id}} and dId:
 * {@code {device_id}}), {@code font} (character height, 10 to 500, default 20), {@code font_width}
 * (10 to 500, default the height), {@code x} and {@code y} (required), {@code chunking} ({@code
 * true} for groups of four, a group size from 2 to 8, or {@code false}; default true for aId and
 * dId, false otherwise), {@code groups_per_line} (1 to 16; needs chunking) and {@code line_spacing}
 * (1 to 1000, default 1.25 × font). Chunking groups each field's value, not the literal text around
 * it: {@code "ID {device_id}"} prints {@code ID 0123-4567-89AB-CDEF}.
 */
public final class TemplateKeys {
  private TemplateKeys() {}

  public static final String PROFILE = "profile";
  public static final String DESCRIPTION = "description";
  public static final String PRINTER = "printer";
  public static final String LABEL = "label";
  public static final String QR = "qr";
  public static final String A_ID = "aId";
  public static final String D_ID = "dId";
  public static final String PN = "pn";
  public static final String FCC = "fcc";
  public static final String TEXT = "text";

  public static final List<String> TOP =
      List.of(PROFILE, DESCRIPTION, PRINTER, LABEL, QR, A_ID, D_ID, PN, FCC, TEXT);

  public static final String PRINTER_DPI = "printer_dpi";
  public static final String H_ALIGN_DOTS = "h_align_dots";
  public static final String V_ALIGN_DOTS = "v_align_dots";
  public static final String PRINT_DARKNESS = "print_darkness";
  public static final String PRINT_RATE = "print_rate";
  public static final String COPIES = "copies";

  public static final List<String> PRINTER_KEYS =
      List.of(PRINTER_DPI, V_ALIGN_DOTS, H_ALIGN_DOTS, PRINT_DARKNESS, PRINT_RATE, COPIES);

  public static final int ALIGN_MIN = -120;
  public static final int ALIGN_MAX = 120;
  public static final int DARKNESS_MIN = 0;
  public static final int DARKNESS_MAX = 30;
  public static final int RATE_MIN = 1;
  public static final int RATE_MAX = 4;
  public static final int COPIES_MIN = 1;
  public static final int COPIES_MAX = 100;
  public static final int COPIES_DEFAULT = 1;

  public static final String WIDTH_INCHES = "width_inches";
  public static final String HEIGHT_INCHES = "height_inches";
  public static final String WIDTH_MM = "width_mm";
  public static final String HEIGHT_MM = "height_mm";

  public static final List<String> LABEL_KEYS =
      List.of(WIDTH_INCHES, HEIGHT_INCHES, WIDTH_MM, HEIGHT_MM);

  public static final double WIDTH_INCHES_MIN = 0.1;
  public static final double WIDTH_INCHES_MAX = 8.5;
  public static final double HEIGHT_INCHES_MIN = 0.1;
  public static final double HEIGHT_INCHES_MAX = 20;
  public static final double WIDTH_MM_MIN = 2.5;
  public static final double WIDTH_MM_MAX = 215;
  public static final double HEIGHT_MM_MIN = 2.5;
  public static final double HEIGHT_MM_MAX = 508;

  public static final String MAGNIFICATION = "magnification";
  public static final String X_COORD = "x_coord";
  public static final String Y_COORD = "y_coord";
  public static final String PAYLOAD = "payload";
  public static final String ERROR_CORRECTION = "error_correction";

  public static final List<String> QR_KEYS =
      List.of(MAGNIFICATION, X_COORD, Y_COORD, PAYLOAD, ERROR_CORRECTION);

  public static final int MAGNIFICATION_MIN = 1;
  public static final int MAGNIFICATION_MAX = 10;
  public static final int MAGNIFICATION_DEFAULT = 3;
  public static final QrErrorCorrection ERROR_CORRECTION_DEFAULT = QrErrorCorrection.Q;

  public static final String VALUE = "value";
  public static final String FONT = "font";
  public static final String FONT_WIDTH = "font_width";
  public static final String X = "x";
  public static final String Y = "y";
  public static final String CHUNKING = "chunking";
  public static final String GROUPS_PER_LINE = "groups_per_line";
  public static final String LINE_SPACING = "line_spacing";

  public static final List<String> TEXT_KEYS =
      List.of(VALUE, FONT, FONT_WIDTH, X, Y, CHUNKING, GROUPS_PER_LINE, LINE_SPACING);

  /** ZPL's scalable font takes heights from 10 dots. */
  public static final int FONT_MIN = 10;

  public static final int FONT_MAX = 500;
  public static final int FONT_DEFAULT = 20;
  public static final int CHUNK_MIN = 2;
  public static final int CHUNK_MAX = 8;
  public static final int CHUNK_TRUE = 4;
  public static final int GROUPS_PER_LINE_MIN = 1;
  public static final int GROUPS_PER_LINE_MAX = 16;
  public static final int LINE_SPACING_MIN = 1;
  public static final int LINE_SPACING_MAX = 1000;

  /** The default distance between lines' tops, for a font height. */
  public static int defaultLineSpacing(int font) {
    return (int) Math.round(font * 1.25);
  }
}
