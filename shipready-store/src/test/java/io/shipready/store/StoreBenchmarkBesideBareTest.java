package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record writer beside the bare writer at a tiny size: each round has both rates, the grouping
 * the bare writer copied, and the bare writer's rows are in the store's tables of its own database.
 */
class StoreBenchmarkBesideBareTest {
  private static final int RUNS = 12;
  private static final int STEPS = 3;

  @Test
  void sqliteRoundsHaveBothRatesAndTheBareRowsLandInTheStoresTables(@TempDir Path dir)
      throws Exception {
    Path bareFile = dir.resolve("bench-bare.db");
    List<StoreBenchmark.WriteRound> rounds;
    try (Store store = Store.open(dir.resolve("bench.db").toString())) {
      rounds = StoreBenchmark.durableWritesBesideBare(store, bareFile.toString(), RUNS, STEPS, 2);
    }

    assertSane(rounds);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bareFile)) {
      // The warm-up (one run at this size) and two rounds, every run with its steps and ids.
      int runs = 1 + 2 * RUNS;
      assertThat(count(c, "runs")).isEqualTo(runs);
      assertThat(count(c, "units")).isEqualTo(runs);
      assertThat(count(c, "unit_identifiers")).isEqualTo(3L * runs);
      assertThat(count(c, "step_attempts")).isEqualTo((long) STEPS * runs);
      assertThat(count(c, "measurements")).isEqualTo((long) STEPS * runs);
    }
  }

  @Test
  void postgresqlRoundsHaveBothRates() throws Exception {
    String url = Postgres.url();
    assumeTrue(url != null, Postgres.HOW_TO_ENABLE);
    String schema = Postgres.newSchema();
    String bareSchema = Postgres.newSchema();
    try (Store store = Store.open(Postgres.withSchema(url, schema))) {
      assertSane(
          StoreBenchmark.durableWritesBesideBare(
              store, Postgres.withSchema(url, bareSchema), RUNS, STEPS, 2));
    } finally {
      Postgres.dropSchema(url, schema);
      Postgres.dropSchema(url, bareSchema);
    }
  }

  private static void assertSane(List<StoreBenchmark.WriteRound> rounds) {
    assertThat(rounds).hasSize(2);
    for (StoreBenchmark.WriteRound round : rounds) {
      assertThat(round.storePerSecond()).isPositive();
      assertThat(round.barePerSecond()).isPositive();
      assertThat(round.ratio()).isEqualTo(round.storePerSecond() / round.barePerSecond());
      assertThat(round.eventsPerCommit()).isPositive();
      assertThat(round.runsPerCommit()).isBetween(1, RUNS);
    }
  }

  private static long count(Connection c, String table) throws Exception {
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
