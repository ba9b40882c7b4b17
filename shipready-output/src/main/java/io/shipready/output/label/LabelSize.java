package io.shipready.output.label;

/** The label's printable size. Millimetres are converted to inches when the template is read. */
public record LabelSize(double widthInches, double heightInches) {
  public LabelSize {
    if (!(widthInches > 0) || !(heightInches > 0)) {
      throw new IllegalArgumentException(
          "label size must be positive, not " + widthInches + " x " + heightInches + " in");
    }
  }

  public static LabelSize millimetres(double width, double height) {
    return new LabelSize(width / Dpi.MM_PER_INCH, height / Dpi.MM_PER_INCH);
  }

  public int widthDots(int dpi) {
    return Dpi.dots(widthInches, dpi);
  }

  public int heightDots(int dpi) {
    return Dpi.dots(heightInches, dpi);
  }
}
