package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotBoardTest {
  private final SlotBoard board =
      new SlotBoard(List.of("1"), 3, new PromptQueue(slot -> {}), slot -> {});

  @Test
  void aUnitWithoutASerialIsNamedByItsDeviceIdUntilASerialIsScanned() {
    board.on(new Event.RunStarted("r1", "1", 7, "recipe", "1.0", "sha", null, Instant.now()));
    assertThat(board.tile("1")).containsEntry("name", "").containsEntry("unit", 7);

    identified(new Identifier(Identifier.DEVICE_ID, "264F9ACB67A8A9B0"));
    assertThat(board.tile("1"))
        .containsEntry("name", "264F9ACB67A8A9B0")
        .containsEntry("serial", "");

    identified(new Identifier("association_id", "3E5B2C4985A4CAB53C56A7C4"));
    assertThat(board.tile("1")).containsEntry("name", "264F9ACB67A8A9B0");

    identified(new Identifier(Identifier.SERIAL, "P046AA2797020"));
    assertThat(board.tile("1"))
        .containsEntry("name", "P046AA2797020")
        .containsEntry("serial", "P046AA2797020");

    // The first serial stays: usually the sticker the operator scanned.
    identified(new Identifier(Identifier.SERIAL, "P046AA0000000"));
    assertThat(board.tile("1")).containsEntry("name", "P046AA2797020");

    board.on(new Event.RunStarted("r2", "1", 8, "recipe", "1.0", "sha", null, Instant.now()));
    assertThat(board.tile("1")).containsEntry("name", "").containsEntry("serial", "");
  }

  @Test
  void aRunningStepsProgressShowsBesideItUntilItEnds() {
    board.on(new Event.RunStarted("r1", "1", 7, "recipe", "1.0", "sha", null, Instant.now()));
    board.on(new Event.StepStarted("r1", "1", "cloud_connect", "cloud_connect", 1, Instant.now()));
    board.on(
        new Event.Notice(
            "1", "cloud_connect: waiting for the cloud: connecting, 2m30s of 20m", Instant.now()));
    assertThat(board.tile("1"))
        .containsEntry("step", "cloud_connect")
        .containsEntry("progress", "waiting for the cloud: connecting, 2m30s of 20m");

    board.on(new Event.Notice("1", "another_step: not about this one", Instant.now()));
    assertThat(board.tile("1"))
        .containsEntry("progress", "waiting for the cloud: connecting, 2m30s of 20m");

    board.on(
        new Event.StepFinished(
            "r1",
            "1",
            "cloud_connect",
            "cloud_connect",
            1,
            StepOutcome.PASS,
            "",
            Duration.ofMinutes(3),
            Instant.now()));
    assertThat(board.tile("1")).containsEntry("progress", "");
  }

  private void identified(Identifier id) {
    board.on(new Event.UnitIdentified("r1", "1", List.of(id), Instant.now()));
  }
}
