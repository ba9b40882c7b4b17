package io.shipready.app.report;

import java.util.Collection;

/**
 * Values counted in equal bins over a span that takes in both the values and the limits, with room
 * either side so a value on a limit is seen. The station page and the shift report draw it.
 *
 * @param from the lower end of the first bin
 * @param width each bin's width
 * @param bins how many values fell in each bin
 * @param outside how many values were outside the limits
 */
public record Histogram(NumericLimits limits, double from, double width, int[] bins, int outside) {
  public static final int BINS = 20;

  public static Histogram of(Collection<Double> values, NumericLimits limits) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double from = limits.low() == null ? min : Math.min(min, limits.low());
    double to = limits.high() == null ? max : Math.max(max, limits.high());
    double span = to - from;
    double pad = span == 0 ? Math.max(Math.abs(from) * 0.05, 1) : span * 0.1;
    from -= pad;
    to += pad;
    double width = (to - from) / BINS;
    int[] bins = new int[BINS];
    int outside = 0;
    for (double value : values) {
      bins[Math.min(BINS - 1, Math.max(0, (int) ((value - from) / width)))]++;
      if (limits.outside(value)) {
        outside++;
      }
    }
    return new Histogram(limits, from, width, bins, outside);
  }

  /** The upper end of the last bin. */
  public double to() {
    return from + width * bins.length;
  }

  /** True when the whole bin lies outside the limits (it is drawn as bad). */
  public boolean binOutside(int bin) {
    double low = from + bin * width;
    double high = low + width;
    return (limits.low() != null && high <= limits.low())
        || (limits.high() != null && low >= limits.high());
  }

  public int most() {
    int most = 0;
    for (int count : bins) {
      most = Math.max(most, count);
    }
    return most;
  }
}
