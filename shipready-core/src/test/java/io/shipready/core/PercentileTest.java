package io.shipready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentileTest {
  @Test
  void nearestRankOfAHundredValues() {
    long[] sorted = LongStream.rangeClosed(1, 100).toArray();

    assertThat(Percentile.nearestRank(sorted, 0.50)).isEqualTo(50);
    assertThat(Percentile.nearestRank(sorted, 0.99)).isEqualTo(99);
    assertThat(Percentile.nearestRank(sorted, 1.0)).isEqualTo(100);
  }

  @Test
  void aFewValuesAndNone() {
    assertThat(Percentile.nearestRank(new long[] {7, 9, 30}, 0.99)).isEqualTo(30);
    assertThat(Percentile.nearestRank(new long[] {7, 9, 30}, 0.5)).isEqualTo(9);
    assertThat(Percentile.nearestRank(new long[0], 0.99)).isZero();
    assertThatThrownBy(() -> Percentile.nearestRank(new long[] {1}, 99))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
