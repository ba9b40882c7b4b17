package io.shipready.core;

/** Percentiles of measured latencies, the same way in every benchmark. */
public final class Percentile {
  private Percentile() {}

  /**
   * The nearest-rank percentile of values sorted ascending: the smallest value at or above which
   * lie {@code share} of them (0.99: the p99). 0 when there are none.
   */
  public static long nearestRank(long[] sorted, double share) {
    if (share <= 0 || share > 1) {
      throw new IllegalArgumentException("a percentile's share is in (0, 1], not " + share);
    }
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(share * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
