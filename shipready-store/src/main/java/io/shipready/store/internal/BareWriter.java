package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.core.engine.RunIds;
import io.shipready.core.model.Identifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * The floor a record writer is measured against: plain JDBC writing the same rows a {@code
 * RecordWriter} stores for a run, into the store's own tables, with nothing else.
 *
 * <p>"The same" means: the schema is the store's, made by the store's migrations (in a database
 * file or PostgreSQL schema of its own, so the two never share pages or locks, holding as many
 * synthetic units as the store); each run is the rows the writer leaves for it (a unit, its run
 * with the outcome, three identifiers, one step_attempts row and one measurement per step); runs
 * are committed in groups as large as the writer's own commits were (its mean events per
 * transaction, in runs), a group's units and runs each inserted by one multi-row statement (as the
 * record writer does for a batch) and its other rows as JDBC batches; SQLite is opened with the
 * store's settings (WAL, synchronous=FULL so each commit is synced, foreign keys on, the same page
 * cache, transactions begun IMMEDIATE) and PostgreSQL with its batched inserts rewritten to
 * multi-row ones, at the server's default synchronous_commit, as the store does. What it leaves out
 * is what a bare writer has no need of: looking identifiers up to find a unit seen before, taking
 * run keys ahead, a run's row updated when its unit or end comes in a later batch than its start,
 * slot rows, queueing and waiting for durability.
 */
public final class BareWriter implements AutoCloseable {
  private static final RowInsert INSERT_UNITS =
      new RowInsert("units", "created_at", new int[] {RowInsert.BIGINT}, " RETURNING id");
  private static final RowInsert INSERT_RUNS =
      new RowInsert(
          "runs",
          "run_id, unit_id, station_id, slot, unit_number, recipe, recipe_version, recipe_sha256,"
              + " variant, operator, retest, started_at, ended_at, outcome, failed_step, message,"
              + " duration_us",
          new int[] {
            RowInsert.TEXT,
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.INT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.INT,
            RowInsert.BIGINT,
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.BIGINT
          },
          " RETURNING run_id, id");
  private static final String INSERT_IDENTIFIER =
      "INSERT INTO unit_identifiers (unit_id, kind, value, duplicate, first_seen, run_key)"
          + " VALUES (?, ?, ?, 0, ?, ?)";
  // Every value a station's rows vary in is bound, as any writer of real rows must: only what no
  // row of the store's ever differs in (a first claim's duplicate flag) is written as a constant.
  private static final String INSERT_ATTEMPT =
      "INSERT INTO step_attempts (run_key, step_id, attempt, seq, kind, started_at, ended_at,"
          + " outcome, message, duration_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_MEASUREMENT =
      "INSERT INTO measurements (run_key, seq, step_id, attempt, name, value_num, value_text,"
          + " units, limits, passed, message, taken_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Connection connection;
  private final String stationId;
  private final boolean sqlite;

  private BareWriter(Connection connection, String stationId, boolean sqlite) {
    this.connection = connection;
    this.stationId = stationId;
    this.sqlite = sqlite;
  }

  /**
   * Connects to {@code url} (whose tables the store's migrations made) as the store would, and
   * registers a station for the runs.
   */
  public static BareWriter open(String url, String stationId) throws SQLException {
    StoreUrl parsed = StoreUrl.parse(requireNonNull(url, "url"));
    Connection connection;
    boolean sqlite = parsed.engine() == Engine.SQLITE;
    if (sqlite) {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.enforceForeignKeys(true);
      config.setCacheSize(-32_768);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      config.setGetGeneratedKeys(false);
      connection = config.createConnection(parsed.jdbcUrl());
    } else {
      java.util.Properties properties = new java.util.Properties();
      properties.setProperty("reWriteBatchedInserts", "true");
      connection = DriverManager.getConnection(parsed.jdbcUrl(), properties);
    }
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement station =
          connection.prepareStatement(
              "INSERT INTO stations (station_id, computer_name, operator, config_json,"
                  + " first_seen, last_seen) VALUES (?, 'bench', 'bench', '{}', ?, ?)")) {
        long now = Micros.of(java.time.Instant.now());
        station.setString(1, stationId);
        station.setLong(2, now);
        station.setLong(3, now);
        station.executeUpdate();
      }
      connection.commit();
      return new BareWriter(connection, stationId, sqlite);
    } catch (SQLException | RuntimeException failed) {
      connection.close();
      throw failed;
    }
  }

  /**
   * Writes {@code runs} runs of {@code steps} steps, {@code runsPerCommit} to a transaction, and
   * returns the seconds it took, every commit returned (durable) included.
   */
  public double write(String tag, int runs, int steps, int runsPerCommit) throws SQLException {
    long started = System.nanoTime();
    try (Statements statements = new Statements(connection);
        PreparedStatement identifier = connection.prepareStatement(INSERT_IDENTIFIER);
        PreparedStatement attempt = connection.prepareStatement(INSERT_ATTEMPT);
        PreparedStatement measurement = connection.prepareStatement(INSERT_MEASUREMENT)) {
      for (int first = 0; first < runs; first += runsPerCommit) {
        int count = Math.min(runsPerCommit, runs - first);
        long now = Micros.of(java.time.Instant.now());
        // A group's units, then its runs, each in one multi-row statement, as the store does.
        List<Long> units = new ArrayList<>(count);
        List<Object[]> unitRows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          unitRows.add(new Object[] {now});
        }
        INSERT_UNITS.returning(statements, unitRows, row -> units.add(row.getLong(1)));
        List<Object[]> runRows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          int n = first + i;
          runRows.add(
              new Object[] {
                RunIds.next(),
                units.get(i),
                stationId,
                Integer.toString(n % 32 + 1),
                n,
                "bench-recipe",
                "1.0.0",
                "0".repeat(64),
                "",
                "bench",
                0,
                now,
                now,
                "PASS",
                "",
                "",
                30_000_000L
              });
        }
        Map<String, Long> runKeys = new HashMap<>();
        INSERT_RUNS.returning(
            statements, runRows, row -> runKeys.put(row.getString(1), row.getLong(2)));
        for (int i = 0; i < count; i++) {
          int n = first + i;
          long unitId = units.get(i);
          long runKey = runKeys.get((String) runRows.get(i)[0]);
          String[][] ids = {
            {Identifier.SERIAL, "SN-"}, {Identifier.DEVICE_ID, "dev-"}, {Identifier.IMEI, "imei-"},
          };
          for (String[] id : ids) {
            identifier.setLong(1, unitId);
            identifier.setString(2, id[0]);
            identifier.setString(3, id[1] + tag + "-" + n);
            identifier.setLong(4, now);
            identifier.setLong(5, runKey);
            identifier.addBatch();
          }
          for (int s = 0; s < steps; s++) {
            String step = "step-" + s;
            attempt.setLong(1, runKey);
            attempt.setString(2, step);
            attempt.setInt(3, 1);
            attempt.setInt(4, 2 * s);
            attempt.setString(5, "measure");
            attempt.setLong(6, now);
            attempt.setLong(7, now);
            attempt.setString(8, "PASS");
            attempt.setString(9, "");
            attempt.setLong(10, 12_000L);
            attempt.addBatch();
            measurement.setLong(1, runKey);
            measurement.setInt(2, 2 * s + 1);
            measurement.setString(3, step);
            measurement.setInt(4, 1);
            measurement.setString(5, "vbat" + s);
            measurement.setDouble(6, 3.0 + (s % 60) / 100.0);
            measurement.setNull(7, java.sql.Types.VARCHAR);
            measurement.setString(8, "V");
            measurement.setString(9, "[\"range 3.0..3.6\"]");
            measurement.setInt(10, 1);
            measurement.setString(11, "");
            measurement.setLong(12, now);
            measurement.addBatch();
          }
        }
        identifier.executeBatch();
        attempt.executeBatch();
        measurement.executeBatch();
        connection.commit();
      }
    } catch (SQLException | RuntimeException failed) {
      connection.rollback();
      throw failed;
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** Whether this writes SQLite (else PostgreSQL). */
  public boolean sqlite() {
    return sqlite;
  }

  @Override
  public void close() throws SQLException {
    // Nothing is pending: every group ended in a commit.
    connection.close();
  }
}
