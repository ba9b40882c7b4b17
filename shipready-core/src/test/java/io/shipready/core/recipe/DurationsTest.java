package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @Test
  void readsEachUnit() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aBareNumberIsSeconds() {
    assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("0.25")).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void readsFractionsExactly() {
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("0.1h")).isEqualTo(Duration.ofMinutes(6));
    assertThat(Durations.parse(" 2m ")).isEqualTo(Duration.ofMinutes(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "30 s", "-5s", "5sec", "1m30s", ".5s", "5d"})
  void refusesAnythingElseSayingWhatItTakes(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'"
                + text
                + "' is not a duration: write a number with a unit, such as 500ms, 30s, 2m or 1h"
                + " (a bare number is seconds)");
  }

  @Test
  void refusesADurationTooLongToHold() {
    assertThatThrownBy(() -> Durations.parse("99999999999h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is too long a duration");
  }
}
