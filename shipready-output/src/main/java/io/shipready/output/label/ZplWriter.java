package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

/**
 * Writes a placed label as one ZPL format ({@code ^XA ... ^XZ}), one command or field per line.
 *
 * <p>Alignment: a shift right or down goes into the label home ({@code ^LH}); a shift up into the
 * label top ({@code ^LT}, which takes −120 to 120 dots); a shift left into the label shift ({@code
 * ^LS}). All three are written every time so that no setting is left over from an earlier label.
 */
public final class ZplWriter {
  private ZplWriter() {}

  public static String write(LabelLayout layout) {
    requireNonNull(layout, "layout");
    StringBuilder zpl = new StringBuilder(512);
    line(zpl, "^XA");
    line(zpl, "^CI28"); // field data is UTF-8
    line(zpl, "^PW" + layout.widthDots());
    line(zpl, "^LL" + layout.heightDots());
    line(zpl, "^LH" + Math.max(0, layout.hShiftDots()) + "," + Math.max(0, layout.vShiftDots()));
    line(zpl, "^LT" + Math.min(0, layout.vShiftDots()));
    line(zpl, "^LS" + Math.max(0, -layout.hShiftDots()));
    layout.darkness().ifPresent(darkness -> line(zpl, String.format("~SD%02d", darkness)));
    layout.printRate().ifPresent(rate -> line(zpl, "^PR" + rate));
    layout
        .qr()
        .ifPresent(
            qr ->
                line(
                    zpl,
                    "^FO"
                        + qr.x()
                        + ","
                        + qr.y()
                        + "^BQN,2,"
                        + qr.magnification()
                        + "^FD"
                        + qr.errorCorrection()
                        + "A,"
                        + fieldData(layout, qr.key(), qr.payload())
                        + "^FS"));
    for (TextElement text : layout.texts()) {
      line(
          zpl,
          "^FO"
              + text.x()
              + ","
              + text.y()
              + "^A0N,"
              + text.height()
              + ","
              + text.width()
              + "^FD"
              + fieldData(layout, text.key(), text.text())
              + "^FS");
    }
    line(zpl, "^PQ" + layout.copies());
    line(zpl, "^XZ");
    return zpl.toString();
  }

  /** Checked again here because a layout may be built by hand. */
  private static String fieldData(LabelLayout layout, String key, String data) {
    ZplText.problem(data)
        .ifPresent(
            why -> {
              throw new LabelException(
                  layout.source() + ": " + key + " '" + data + "' contains " + why);
            });
    return data;
  }

  private static void line(StringBuilder zpl, String command) {
    zpl.append(command).append('\n');
  }
}
