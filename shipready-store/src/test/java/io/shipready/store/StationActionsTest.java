package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people did at a station is kept with who did it, and survives reopening the store. */
class StationActionsTest {
  @TempDir Path folder;

  @Test
  void actionsAreKeptInOrderWithUserRoleAndVerdict() {
    String url = folder.resolve("station.db").toString();
    Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
    try (Store store = Store.open(url)) {
      store.recordAction(
          new StationAction("ST-1", t0, "2", "li.wei", "operator", "start", "unit 9", true));
      store.recordAction(
          new StationAction(
              "ST-1", t0.plusSeconds(5), "2", "li.wei", "engineer", "stop", "wrong PIN", false));
      store.recordAction(
          new StationAction("ST-2", t0, "", "sam", "operator", "scan", "P0123", true));
    }
    try (Store store = Store.open(url)) {
      assertThat(store.actions("ST-1"))
          .extracting(StationAction::action, StationAction::role, StationAction::allowed)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("start", "operator", true),
              org.assertj.core.groups.Tuple.tuple("stop", "engineer", false));
      assertThat(store.actions("ST-1").get(1).at()).isEqualTo(t0.plusSeconds(5));
      assertThat(store.actions("ST-2"))
          .singleElement()
          .extracting(StationAction::slot)
          .isEqualTo("");
    }
  }

  @Test
  void whatAPersonTypedIsKeptWithControlCharactersVisible() {
    String url = folder.resolve("typed.db").toString();
    try (Store store = Store.open(url)) {
      store.recordAction(
          new StationAction(
              "ST-3",
              Instant.now(),
              "1",
              "li\u0000wei",
              "operator",
              "stop",
              "jammed\u0007 fixture",
              true));
      assertThat(store.actions("ST-3"))
          .singleElement()
          .satisfies(
              action -> {
                assertThat(action.user()).isEqualTo("li\\u0000wei");
                assertThat(action.detail()).isEqualTo("jammed\\u0007 fixture");
              });
    }
  }
}
