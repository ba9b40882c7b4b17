package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on PostgreSQL, in a schema of its own. Skipped, saying how to enable it, when
 * no server is given.
 */
class PostgresStoreTest extends StoreContract {
  @RegisterExtension static final PostgresSchema db = new PostgresSchema();

  @Override
  void assumeAvailable() {
    db.assumeAvailable();
  }

  @Override
  String url() {
    return db.url();
  }

  @Override
  AutoCloseable holdWrites() throws Exception {
    java.sql.Connection c = java.sql.DriverManager.getConnection(url());
    c.setAutoCommit(false);
    c.createStatement().execute("LOCK TABLE runs IN EXCLUSIVE MODE");
    return c::close;
  }

  @Test
  void stepRowsNeedTheirRunAndARunWithStepRowsKeepsItsKey() throws Exception {
    try (RecordWriter writer = store.openWriter(station("keys"))) {
      assertThat(writer.awaitDurable(completeRun(writer, "1", "K").runId(), WAIT)).isTrue();
    }
    String stationId = "keys-" + tag;
    long run = Sql.count(url(), "SELECT COALESCE(MAX(id), 0) + 1000 FROM runs");
    Sql.execute(
        url(),
        "INSERT INTO runs (id, run_id, station_id, slot, unit_number, recipe, recipe_version,"
            + " recipe_sha256, variant, operator, started_at) VALUES ("
            + run
            + ", 'by-hand-"
            + tag
            + "', '"
            + stationId
            + "', '1', 1, 'r', '1', '', '', 'alice', 0)");
    Sql.execute(url(), measurementOf(run, 1));
    Sql.execute(url(), attemptOf(run));

    assertThatThrownBy(() -> Sql.execute(url(), measurementOf(run + 1, 1)))
        .hasMessageContaining("refers to a run that is not in runs");
    assertThatThrownBy(() -> Sql.execute(url(), attemptOf(run + 1)))
        .hasMessageContaining("refers to a run that is not in runs");
    assertThatThrownBy(() -> Sql.execute(url(), "DELETE FROM runs WHERE id = " + run))
        .hasMessageContaining("cannot be deleted");
    assertThatThrownBy(
            () -> Sql.execute(url(), "UPDATE runs SET id = " + (run + 1) + " WHERE id = " + run))
        .hasMessageContaining("cannot be given another key");
    // A run with no step rows may still go, as before.
    Sql.execute(url(), "DELETE FROM measurements WHERE run_key = " + run);
    Sql.execute(url(), "DELETE FROM step_attempts WHERE run_key = " + run);
    Sql.execute(url(), "DELETE FROM runs WHERE id = " + run);
    assertThat(Sql.count(url(), "SELECT COUNT(*) FROM runs WHERE id = " + run)).isZero();
  }

  private static String measurementOf(long run, int seq) {
    return "INSERT INTO measurements (run_key, seq, step_id, attempt, name, units, limits, passed,"
        + " message, taken_at) VALUES ("
        + run
        + ", "
        + seq
        + ", 's', 1, 'n', '', '[]', 1, '', 0)";
  }

  private static String attemptOf(long run) {
    return "INSERT INTO step_attempts (run_key, step_id, attempt, seq, kind, started_at) VALUES ("
        + run
        + ", 's', 1, 2, 'measure', 0)";
  }

  @Test
  void knowsItIsPostgres() {
    assertThat(store.postgres()).isTrue();
    assertThat(store.describe()).contains("currentSchema=" + db.schema());
  }
}
