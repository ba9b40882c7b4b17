package io.shipready.output.factoryfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitFieldsTest {
  private static final Instant AT = Instant.parse("2025-01-15T06:00:00Z");

  @Test
  void namesEveryFieldARunRecorded() {
    List<Event> events =
        List.of(
            new Event.RunStarted("r1", "slot-1", 7, "afero-asr", "1.0", "abc", "wifi", AT),
            new Event.UnitIdentified(
                "r1",
                "slot-1",
                List.of(
                    new Identifier(Identifier.DEVICE_ID, "0123456789ABCDEF"),
                    new Identifier(Identifier.ASSOCIATION_ID, "0123456789ABCDEF01234567")),
                AT),
            new Event.UnitIdentified(
                "r2", "slot-2", List.of(new Identifier(Identifier.DEVICE_ID, "OTHER")), AT),
            new Event.ImageWritten("r1", "slot-1", "flash", "app", "3.1.7", "9f86d0", AT),
            new Event.ComponentLinked("r1", "slot-1", "scan", "U3", "BAT-42", AT),
            new Event.MeasurementTaken(
                "r1",
                "slot-1",
                "rssi",
                new Measurement("ble_rssi", -51, "dBm", List.of(">= -70"), true, ""),
                AT),
            new Event.MeasurementTaken(
                "r1",
                "slot-1",
                "rssi",
                new Measurement("ble_rssi", -49, "dBm", List.of(">= -70"), true, ""),
                AT),
            new Event.AttributeRecorded("r1", "slot-1", "hook", "fixture", "J-7", AT),
            new Event.StepStarted("r1", "slot-1", "label", "label", 1, AT),
            new Event.RunFinished(
                "r1", "slot-1", 7, Outcome.PASS, "", "", Duration.ofSeconds(9), AT.plusSeconds(9)));

    Map<String, String> fields = UnitFields.of("r1", events);

    assertThat(fields)
        .containsEntry("run.id", "r1")
        .containsEntry("run.slot", "slot-1")
        .containsEntry("run.unit", "7")
        .containsEntry("run.recipe", "afero-asr")
        .containsEntry("run.variant", "wifi")
        .containsEntry("device_id", "0123456789ABCDEF")
        .containsEntry("association_id", "0123456789ABCDEF01234567")
        .containsEntry("image.app.version", "3.1.7")
        .containsEntry("image.app.sha256", "9f86d0")
        .containsEntry("component.U3", "BAT-42")
        .containsEntry("measurement.ble_rssi", "-49")
        .containsEntry("measurement.ble_rssi.units", "dBm")
        .containsEntry("attribute.fixture", "J-7")
        .containsEntry("run.outcome", "PASS")
        .containsEntry("run.finished", "2025-01-15T06:00:09Z");
  }
}
