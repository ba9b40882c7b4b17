package io.shipready.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordTextTest {
  @Test
  void controlCharactersAreEscapedVisiblyAndLinesAreKept() {
    assertThat(RecordText.safe("a\u0000b\u001b[31m\u007f\tc\r\nd", 100))
        .isEqualTo("a\\u0000b\\u001b[31m\\u007f\tc\r\nd");
  }

  @Test
  void safeTextIsReturnedAsItIs() {
    String text = "serial P046AA2961114 \u00b5A \ud83d\ude00";
    assertThat(RecordText.safe(text, 100)).isSameAs(text);
  }

  @Test
  void aLoneSurrogateCannotBeEncodedSoItIsEscaped() {
    assertThat(RecordText.safe("x\ud83dy", 100)).isEqualTo("x\\ud83dy");
  }

  @Test
  void longTextIsCutAndSaysHowMuchWasLeftOut() {
    String cut = RecordText.safe("x".repeat(25), 10);
    assertThat(cut).isEqualTo("x".repeat(10) + " [... cut: 15 more characters]");
  }

  @Test
  void theFieldsThatChangedAreNamed() {
    Instant at = Instant.now();
    SafeEvents.Made made =
        SafeEvents.of(
            new Event.AttributeRecorded("run", "1", "hook", "hook.note", "a\u0000b", at),
            RecordText.STATION_LIMIT);
    assertThat(made.event())
        .isEqualTo(new Event.AttributeRecorded("run", "1", "hook", "hook.note", "a\\u0000b", at));
    assertThat(made.changedFields()).containsExactly("attribute hook.note");
  }

  @Test
  void identifiersAreBoundedToWhatAnIndexHolds() {
    Event.UnitIdentified identified =
        new Event.UnitIdentified(
            "run",
            "1",
            List.of(new Identifier(Identifier.SERIAL, "S".repeat(RecordText.KEY_LIMIT + 1))),
            Instant.now());
    Event.UnitIdentified made =
        (Event.UnitIdentified) SafeEvents.of(identified, RecordText.STATION_LIMIT).event();
    assertThat(made.identifiers().get(0).value())
        .startsWith("S".repeat(RecordText.KEY_LIMIT))
        .endsWith("[... cut: 1 more characters]");
  }

  @Test
  void anEventWithNothingToChangeIsTheSameEvent() {
    Event taken =
        new Event.MeasurementTaken(
            "run",
            "1",
            "power",
            new Measurement("vbat", 3.3, "V", List.of("3.2 <= x <= 3.4"), true, ""),
            Instant.now());
    SafeEvents.Made made = SafeEvents.of(taken, RecordText.STATION_LIMIT);
    assertThat(made.event()).isSameAs(taken);
    assertThat(made.changedFields()).isEmpty();
  }
}
