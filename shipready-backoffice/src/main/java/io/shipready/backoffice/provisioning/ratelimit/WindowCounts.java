package io.shipready.backoffice.provisioning.ratelimit;

import static java.util.Objects.requireNonNull;

/**
 * A key's buckets in the current window after one attempt to take a request.
 *
 * @param taken whether the request was counted
 * @param buckets the buckets' numbers, oldest first
 * @param counts requests counted in each of {@code buckets}
 */
public record WindowCounts(boolean taken, long[] buckets, long[] counts) {
  public WindowCounts {
    requireNonNull(buckets, "buckets");
    requireNonNull(counts, "counts");
    if (buckets.length != counts.length) {
      throw new IllegalArgumentException("one count per bucket");
    }
  }

  public long used() {
    long used = 0;
    for (long count : counts) {
      used += count;
    }
    return used;
  }
}
