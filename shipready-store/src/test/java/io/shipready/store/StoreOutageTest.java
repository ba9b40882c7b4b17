package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.Event;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import io.shipready.core.steps.StandardSteps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the store takes no writes (another connection holds its write lock), the record writer's
 * queue stays bounded: slots stop taking new units and say they wait for the store, and once the
 * store is back every unit's run is recorded. Before, the queue grew without bound.
 */
class StoreOutageTest {
  private static final int UNITS = 40;
  private static final int MAX_PENDING = 30;
  private static final List<String> SLOTS = List.of("1", "2", "3", "4");

  @TempDir Path folder;

  @Test
  void sqliteLockedByAnotherWriter() throws Exception {
    Path file = folder.resolve("records.db");
    try (Store store = Store.open(file.toString())) {
      runThroughAnOutage(store, "jdbc:sqlite:" + file, "BEGIN IMMEDIATE");
    }
  }

  @Test
  void postgresTableLockedByAnotherWriter() throws Exception {
    assumeTrue(Postgres.url() != null, Postgres.HOW_TO_ENABLE);
    String schema = Postgres.newSchema();
    String url = Postgres.withSchema(Postgres.url(), schema);
    try (Store store = Store.open(url)) {
      runThroughAnOutage(store, url, "BEGIN; LOCK TABLE runs IN EXCLUSIVE MODE");
    } finally {
      Postgres.dropSchema(Postgres.url(), schema);
    }
  }

  private void runThroughAnOutage(Store store, String jdbcUrl, String takeTheLock)
      throws Exception {
    String stationId = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    Recipe recipe =
        new RecipeParser(StandardSteps.library())
            .parse(
                "outage.yaml",
                """
                recipe: outage
                version: "1"
                station:
                  device_family: any
                steps:
                  - id: settle
                    kind: wait
                    with: {duration: 1ms}
                  - id: settle_again
                    kind: wait
                    with: {duration: 1ms}
                """,
                folder);
    AtomicInteger handedOut = new AtomicInteger();
    AtomicLong mostPending = new AtomicLong();
    AtomicInteger waitingShown = new AtomicInteger();
    AtomicInteger unitsWhileWaiting = new AtomicInteger();
    java.util.Set<String> waitingSlots = java.util.concurrent.ConcurrentHashMap.newKeySet();

    try (RecordWriter writer =
            store.openWriter(new StationInfo(stationId, "PC", "alice", Map.of()));
        Connection blocker = DriverManager.getConnection(jdbcUrl);
        Statement lock = blocker.createStatement()) {
      writer.limitPending(MAX_PENDING);
      for (String statement : takeTheLock.split("; ")) {
        lock.execute(statement);
      }
      Station station =
          Station.builder(recipe, StandardSteps.library())
              .slots(SLOTS)
              .records(writer)
              // Units keep running through the outage, as they do once a run's wait for its record
              // times out; the bound is what holds them back.
              .durableTimeout(java.time.Duration.ofMillis(200))
              .events(
                  event -> {
                    mostPending.accumulateAndGet(writer.pending(), Math::max);
                    if (event instanceof Event.SlotChanged changed) {
                      if (changed.state() == SlotState.WAITING_FOR_STORE) {
                        waitingShown.incrementAndGet();
                        waitingSlots.add(changed.slot());
                      } else {
                        waitingSlots.remove(changed.slot());
                      }
                    }
                    if (event instanceof Event.RunStarted started
                        && waitingSlots.contains(started.slot())) {
                      unitsWhileWaiting.incrementAndGet();
                    }
                  })
              .build();
      CompletableFuture<StationReport> batch =
          CompletableFuture.supplyAsync(
              () ->
                  station.run(
                      slot -> {
                        int number = handedOut.incrementAndGet();
                        return number <= UNITS
                            ? Optional.of(new AttachedUnit(number, new Fixture(slot)))
                            : Optional.empty();
                      }));

      // The store stays locked until every slot has stopped taking units.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (waitingSlots.size() < SLOTS.size() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(waitingSlots).as("slots waiting for the store").hasSize(SLOTS.size());
      int startedBeforeTheStoreCameBack = Math.min(handedOut.get(), UNITS);
      Thread.sleep(300);
      assertThat(Math.min(handedOut.get(), UNITS))
          .as("no new unit while the store is away")
          .isEqualTo(startedBeforeTheStoreCameBack);
      lock.execute("ROLLBACK");

      StationReport report = batch.get(60, TimeUnit.SECONDS);
      assertThat(report.runs()).hasSize(UNITS);
      assertThat(report.notRecorded()).isZero();
      assertThat(startedBeforeTheStoreCameBack).isLessThan(UNITS);
      assertThat(unitsWhileWaiting.get()).isZero();
      assertThat(waitingShown.get()).isGreaterThanOrEqualTo(SLOTS.size());
      // Bounded: the limit plus what the units already running add (a few events each).
      assertThat(mostPending.get()).isLessThan(MAX_PENDING + SLOTS.size() * 12L);
    }
    assertThat(
            Sql.count(jdbcUrl, "SELECT count(*) FROM runs WHERE station_id = '" + stationId + "'"))
        .isEqualTo(UNITS);
  }

  /** A unit in a fixture that the recipe's steps need nothing of. */
  private record Fixture(String slot) implements Device {
    @Override
    public String family() {
      return "any";
    }

    @Override
    public <T extends Capability> Optional<T> capability(Class<T> type) {
      return Optional.empty();
    }
  }
}
