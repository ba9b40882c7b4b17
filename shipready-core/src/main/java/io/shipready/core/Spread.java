package io.shipready.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Median, min and max of one figure over a benchmark's rounds: a user gets a typical round, not the
 * luckiest, so benchmarks report the median and show the spread beside it.
 */
public record Spread(double median, double min, double max) {
  /**
   * @throws IllegalArgumentException when there are no values
   */
  public static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Spread(median, sorted.get(0), sorted.get(n - 1));
  }
}
