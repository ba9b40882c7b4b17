package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a store with synthetic units for the trace benchmark, straight into the tables in large
 * batches (not through the event writer, which would take hours for a million units). How many are
 * loaded is kept in a table of its own, so a later benchmark run reuses them and loads only what is
 * missing.
 */
public final class BenchLoader {
  private static final Logger log = LoggerFactory.getLogger(BenchLoader.class);
  private static final String STATION = "bench-loader";
  private static final int CHUNK = 10_000;
  static final int STEPS = 4;
  private static final long BASE_MICROS = 1_700_000_000_000_000L;

  /** The identifier kinds a synthetic unit carries, component barcode last. */
  public static final List<String> KINDS =
      List.of(
          Identifier.SERIAL,
          Identifier.DEVICE_ID,
          Identifier.ICCID,
          Identifier.IMEI,
          Identifier.BLE_MAC,
          Identifier.ASSOCIATION_ID,
          Identifier.COMPONENT);

  private final Database database;

  public BenchLoader(Database database) {
    this.database = requireNonNull(database, "database");
  }

  /** The value of the given kind that synthetic unit number {@code n} carries. */
  public static String value(String kind, long n) {
    return switch (kind) {
      case Identifier.SERIAL -> String.format(Locale.ROOT, "BENCH-SN-%09d", n);
      case Identifier.DEVICE_ID -> String.format(Locale.ROOT, "bench%019x", n * 2654435761L);
      case Identifier.ICCID -> String.format(Locale.ROOT, "8999%015d", n);
      case Identifier.IMEI -> String.format(Locale.ROOT, "990%012d", n);
      case Identifier.BLE_MAC ->
          String.format(
              Locale.ROOT,
              "B0:%02X:%02X:%02X:%02X:%02X",
              (n >> 32) & 0xFF,
              (n >> 24) & 0xFF,
              (n >> 16) & 0xFF,
              (n >> 8) & 0xFF,
              n & 0xFF);
      case Identifier.ASSOCIATION_ID -> String.format(Locale.ROOT, "bench-assoc-%09d", n);
      case Identifier.COMPONENT -> String.format(Locale.ROOT, "BENCH-PCB-%09d", n);
      default -> throw new IllegalArgumentException("no synthetic value of kind " + kind);
    };
  }

  /** How many synthetic units the store holds. */
  public long loaded() {
    try (Connection c = database.writeConnection()) {
      createMarker(c);
      return loaded(c);
    } catch (SQLException failed) {
      throw new IllegalStateException("cannot read the benchmark marker", failed);
    }
  }

  /** Loads synthetic units until the store holds at least {@code units}; returns how many. */
  public long ensure(long units) {
    try (Connection c = database.writeConnection()) {
      createMarker(c);
      c.setAutoCommit(false);
      upsertStation(c);
      c.commit();
      long have = loaded(c);
      long started = System.nanoTime();
      while (have < units) {
        int count = (int) Math.min(CHUNK, units - have);
        loadChunk(c, have, count);
        have += count;
        c.commit();
        if (have % 100_000 == 0 || have == units) {
          log.info(
              "loaded {} synthetic units ({} s)",
              have,
              (System.nanoTime() - started) / 1_000_000_000);
        }
      }
      c.setAutoCommit(true);
      if (System.nanoTime() - started > 1_000_000_000L) {
        // Fresh statistics, so the planner sees the tables as they now are.
        try (Statement statement = c.createStatement()) {
          statement.execute("ANALYZE");
        }
      }
      return have;
    } catch (SQLException failed) {
      throw new IllegalStateException(
          "cannot load synthetic units into " + database.url().described(), failed);
    }
  }

  private static void createMarker(Connection c) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS shipready_bench_units"
              + " (name TEXT PRIMARY KEY, loaded BIGINT NOT NULL)");
    }
  }

  private static long loaded(Connection c) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT loaded FROM shipready_bench_units WHERE name = 'units'")) {
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  private static void upsertStation(Connection c) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO stations (station_id, computer_name, operator, config_json, first_seen,"
                + " last_seen) VALUES (?, 'bench', 'bench', '{}', ?, ?)"
                + " ON CONFLICT (station_id) DO NOTHING")) {
      upsert.setString(1, STATION);
      upsert.setLong(2, BASE_MICROS);
      upsert.setLong(3, BASE_MICROS);
      upsert.executeUpdate();
    }
  }

  private void loadChunk(Connection c, long first, int count) throws SQLException {
    List<Long> unitIds = reserve(c, "units", count);
    List<Long> runKeys = reserve(c, "runs", count);
    try (PreparedStatement units =
            c.prepareStatement(
                "INSERT INTO units (id, created_at, created_by_run) VALUES (?, ?, ?)");
        PreparedStatement runs =
            c.prepareStatement(
                "INSERT INTO runs (id, run_id, unit_id, station_id, slot, unit_number, recipe,"
                    + " recipe_version, recipe_sha256, variant, operator, retest, started_at,"
                    + " ended_at, outcome, failed_step, message, duration_us)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'bench-recipe', '1.0.0', ?, '', 'bench', 0, ?,"
                    + " ?, 'PASS', '', '', ?)");
        PreparedStatement identifiers =
            c.prepareStatement(
                "INSERT INTO unit_identifiers (unit_id, kind, value, duplicate, first_seen,"
                    + " run_key) VALUES (?, ?, ?, 0, ?, ?)");
        PreparedStatement components =
            c.prepareStatement(
                "INSERT INTO components (run_key, seq, step_id, position, barcode, linked_at)"
                    + " VALUES (?, 1, 'scan', 'U3', ?, ?)");
        PreparedStatement steps =
            c.prepareStatement(
                "INSERT INTO step_attempts (run_key, step_id, attempt, seq, kind, started_at,"
                    + " ended_at, outcome, message, duration_us)"
                    + " VALUES (?, ?, 1, ?, 'measure', ?, ?, 'PASS', '', 1000)");
        PreparedStatement measurements =
            c.prepareStatement(
                "INSERT INTO measurements (run_key, seq, step_id, attempt, name, value_num,"
                    + " value_text, units, limits, passed, message, taken_at)"
                    + " VALUES (?, ?, ?, 1, ?, ?, ?, 'V', '[\"range 3.0..3.6\"]', 1, '', ?)")) {
      for (int i = 0; i < count; i++) {
        long n = first + i;
        long unitId = unitIds.get(i);
        long runKey = runKeys.get(i);
        long started = BASE_MICROS + n * 10_000_000L;
        units.setLong(1, unitId);
        units.setLong(2, started);
        units.setLong(3, runKey);
        units.addBatch();
        runs.setLong(1, runKey);
        runs.setString(2, String.format(Locale.ROOT, "00000000-0000-7000-8000-%012d", n));
        runs.setLong(3, unitId);
        runs.setString(4, STATION);
        runs.setString(5, Integer.toString((int) (n % 8)));
        runs.setInt(6, (int) (n % 100_000));
        runs.setString(7, "bench");
        runs.setLong(8, started);
        runs.setLong(9, started + 5_000_000);
        runs.setLong(10, 5_000_000);
        runs.addBatch();
        for (String kind : KINDS.subList(0, KINDS.size() - 1)) {
          identifiers.setLong(1, unitId);
          identifiers.setString(2, kind);
          identifiers.setString(3, value(kind, n));
          identifiers.setLong(4, started);
          identifiers.setLong(5, runKey);
          identifiers.addBatch();
        }
        components.setLong(1, runKey);
        components.setString(2, value(Identifier.COMPONENT, n));
        components.setLong(3, started + 1);
        components.addBatch();
        for (int s = 0; s < STEPS; s++) {
          String step = "step-" + s;
          long at = started + (s + 1) * 1_000_000L;
          steps.setLong(1, runKey);
          steps.setString(2, step);
          steps.setInt(3, 2 + 2 * s);
          steps.setLong(4, at);
          steps.setLong(5, at + 1_000);
          steps.addBatch();
          double volts = 3.0 + ((n + s) % 60) / 100.0;
          measurements.setLong(1, runKey);
          measurements.setInt(2, 3 + 2 * s);
          measurements.setString(3, step);
          measurements.setString(4, "vbat" + s);
          measurements.setDouble(5, volts);
          measurements.setString(6, Double.toString(volts));
          measurements.setLong(7, at + 500);
          measurements.addBatch();
        }
      }
      units.executeBatch();
      runs.executeBatch();
      identifiers.executeBatch();
      components.executeBatch();
      steps.executeBatch();
      measurements.executeBatch();
    }
    try (PreparedStatement marker =
        c.prepareStatement(
            "INSERT INTO shipready_bench_units (name, loaded) VALUES ('units', ?)"
                + " ON CONFLICT (name) DO UPDATE SET loaded = excluded.loaded")) {
      marker.setLong(1, first + count);
      marker.executeUpdate();
    }
  }

  /** Takes {@code count} fresh keys for the table from the engine's own key generator. */
  private List<Long> reserve(Connection c, String table, int count) throws SQLException {
    List<Long> keys = new ArrayList<>(count);
    if (database.engine() == Engine.POSTGRES) {
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT nextval(pg_get_serial_sequence('"
                  + table
                  + "', 'id'))"
                  + " FROM generate_series(1, ?)")) {
        select.setInt(1, count);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            keys.add(rows.getLong(1));
          }
        }
      }
      return keys;
    }
    // SQLite: this transaction holds the write lock, so the keys above the largest are free.
    long max;
    try (Statement statement = c.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT MAX(m) FROM (SELECT COALESCE(MAX(id), 0) AS m FROM "
                    + table
                    + " UNION ALL SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence"
                    + " WHERE name = '"
                    + table
                    + "')")) {
      row.next();
      max = row.getLong(1);
    }
    for (int i = 1; i <= count; i++) {
      keys.add(max + i);
    }
    return keys;
  }
}
