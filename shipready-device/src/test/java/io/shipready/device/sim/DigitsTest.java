package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DigitsTest {
  @Test
  void padsAsTheFormatDid() {
    for (long value : new long[] {0, 7, 1234, 9_999_999, 12_345_678, 10_000_000_000_000L - 1}) {
      assertThat(Digits.padded("P046AA", value, 7))
          .isEqualTo(String.format(Locale.ROOT, "P046AA%07d", value));
      assertThat(Digits.padded("", value, 13))
          .isEqualTo(String.format(Locale.ROOT, "%013d", value));
    }
  }

  @Test
  void refusesANegativeNumber() {
    assertThatThrownBy(() -> Digits.padded("X", -1, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
