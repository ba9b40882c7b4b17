package io.shipready.app.report;

import java.util.List;

/**
 * A measurement's values summed up: how many, their range, mean and spread, and how well they sit
 * within the limits (Cpk: the distance from the mean to the nearer limit in units of three standard
 * deviations; 1.33 or more is the usual goal).
 *
 * @param cpk null without a numeric limit or without spread
 */
public record MeasurementStats(
    int count, double min, double max, double mean, double stddev, Double cpk) {

  public static MeasurementStats of(List<Double> values, NumericLimits limits) {
    int n = values.size();
    if (n == 0) {
      return new MeasurementStats(0, 0, 0, 0, 0, null);
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    double mean = sum / n;
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    double stddev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
    Double cpk = null;
    if (stddev > 0 && (limits.low() != null || limits.high() != null)) {
      double toLow = limits.low() == null ? Double.MAX_VALUE : mean - limits.low();
      double toHigh = limits.high() == null ? Double.MAX_VALUE : limits.high() - mean;
      cpk = Math.min(toLow, toHigh) / (3 * stddev);
    }
    return new MeasurementStats(n, min, max, mean, stddev, cpk);
  }
}
