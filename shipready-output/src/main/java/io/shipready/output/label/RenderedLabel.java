package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A unit's label, ready to print and to show.
 *
 * @param zpl the ZPL format to send to the printer
 * @param png the preview, one pixel per printer dot
 */
public record RenderedLabel(LabelLayout layout, String zpl, byte[] png) {
  public RenderedLabel {
    requireNonNull(layout, "layout");
    requireNonNull(zpl, "zpl");
    png = requireNonNull(png, "png").clone();
  }

  @Override
  public byte[] png() {
    return png.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RenderedLabel that
        && layout.equals(that.layout)
        && zpl.equals(that.zpl)
        && Arrays.equals(png, that.png);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * layout.hashCode() + zpl.hashCode()) + Arrays.hashCode(png);
  }

  @Override
  public String toString() {
    return "RenderedLabel["
        + layout.source()
        + " at "
        + layout.dpi()
        + " dpi, "
        + png.length
        + " bytes of PNG]";
  }
}
