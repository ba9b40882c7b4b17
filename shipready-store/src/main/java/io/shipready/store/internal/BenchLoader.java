package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import java.io.IOException;
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
  private static final int CHUNK = 50_000;

  /** Loads this large build their tables' secondary indexes afterwards ({@link LoadIndexes}). */
  private static final long DROP_INDEXES_FROM = 1_000_000;

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

  /**
   * Loads synthetic units until the store holds at least {@code units}; returns how many. Each
   * chunk of {@value #CHUNK} units is one transaction, its rows written table by table in key
   * order: on SQLite through prepared batches on one connection (not synced until the end, foreign
   * keys unchecked: the rows are made consistent here), on PostgreSQL through COPY.
   */
  public long ensure(long units) {
    return ensure(units, DROP_INDEXES_FROM);
  }

  /**
   * As {@link #ensure(long)}, dropping the loaded tables' secondary indexes for the load (and
   * building them after it) when at least {@code dropIndexesFrom} units are to be loaded.
   */
  public long ensure(long units, long dropIndexesFrom) {
    try (Connection c = database.writeConnection()) {
      createMarker(c);
      c.setAutoCommit(false);
      upsertStation(c);
      c.commit();
      c.setAutoCommit(true);
      LoadIndexes.restore(c, database.engine());
      long have = loaded(c);
      if (have >= units) {
        return have;
      }
      long from = have;
      long started = System.nanoTime();
      if (units - have >= dropIndexesFrom) {
        LoadIndexes.drop(c, database.engine(), TABLES.stream().map(TableSpec::name).toList());
      }
      try (BulkSession session = BulkSession.begin(c, database.engine())) {
        c.setAutoCommit(false);
        while (have < units) {
          int count = (int) Math.min(CHUNK, units - have);
          loadChunk(c, session, have, count);
          have += count;
          c.commit();
          if (have % 1_000_000 == 0 || have == units) {
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info(
                "loaded {} synthetic units ({} s, {} units/s)",
                have,
                Math.round(seconds),
                Math.round((have - from) / seconds));
          }
        }
        c.setAutoCommit(true);
        // Inside the session: on SQLite, the sorts use its large page cache.
        LoadIndexes.restore(c, database.engine());
      }
      // Fresh statistics, so the planner sees the tables as they now are, from a sample: a full
      // pass over ten million units' pages takes many minutes. (PostgreSQL's VACUUM, which would
      // also mark the pages all-visible, rewrites every page: autovacuum does it in time; the
      // trace's plans need no index-only scan.)
      try (Statement statement = c.createStatement()) {
        if (database.engine() == Engine.SQLITE) {
          statement.execute("PRAGMA analysis_limit = 1000");
        }
        statement.execute("ANALYZE");
      }
      log.info(
          "loaded {} synthetic units into {} in {} s",
          have - from,
          database.url().described(),
          Math.round((System.nanoTime() - started) / 1e9));
      return have;
    } catch (SQLException | IOException failed) {
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

  /** One synthetic unit's keys: its number, its unit id and its run's key. */
  private record Unit(long n, long unitId, long runKey) {
    long started() {
      return BASE_MICROS + n * 10_000_000L;
    }
  }

  /** The rows of one table a synthetic unit has. */
  private interface TableRows {
    void of(Unit unit, BulkSession.Table table) throws SQLException, IOException;
  }

  private record TableSpec(String name, List<String> columns, TableRows rows) {}

  /** The tables in the order their rows must go in (a row's parent first). */
  private static final List<TableSpec> TABLES =
      List.of(
          new TableSpec(
              "units",
              List.of("id", "created_at", "created_by_run"),
              (u, t) -> t.row(u.unitId(), u.started(), u.runKey())),
          new TableSpec(
              "runs",
              List.of(
                  "id",
                  "run_id",
                  "unit_id",
                  "station_id",
                  "slot",
                  "unit_number",
                  "recipe",
                  "recipe_version",
                  "recipe_sha256",
                  "variant",
                  "operator",
                  "retest",
                  "started_at",
                  "ended_at",
                  "outcome",
                  "failed_step",
                  "message",
                  "duration_us"),
              (u, t) ->
                  t.row(
                      u.runKey(),
                      String.format(Locale.ROOT, "00000000-0000-7000-8000-%012d", u.n()),
                      u.unitId(),
                      STATION,
                      Long.toString(u.n() % 8),
                      u.n() % 100_000,
                      "bench-recipe",
                      "1.0.0",
                      "bench",
                      "",
                      "bench",
                      0,
                      u.started(),
                      u.started() + 5_000_000,
                      "PASS",
                      "",
                      "",
                      5_000_000)),
          new TableSpec(
              "unit_identifiers",
              List.of("unit_id", "kind", "value", "duplicate", "first_seen", "run_key"),
              (u, t) -> {
                for (String kind : KINDS.subList(0, KINDS.size() - 1)) {
                  t.row(u.unitId(), kind, value(kind, u.n()), 0, u.started(), u.runKey());
                }
              }),
          new TableSpec(
              "components",
              List.of("run_key", "seq", "step_id", "position", "barcode", "linked_at"),
              (u, t) ->
                  t.row(
                      u.runKey(),
                      1,
                      "scan",
                      "U3",
                      value(Identifier.COMPONENT, u.n()),
                      u.started() + 1)),
          new TableSpec(
              "step_attempts",
              List.of(
                  "run_key",
                  "step_id",
                  "attempt",
                  "seq",
                  "kind",
                  "started_at",
                  "ended_at",
                  "outcome",
                  "message",
                  "duration_us"),
              (u, t) -> {
                for (int s = 0; s < STEPS; s++) {
                  long at = u.started() + (s + 1) * 1_000_000L;
                  t.row(
                      u.runKey(),
                      "step-" + s,
                      1,
                      2 + 2 * s,
                      "measure",
                      at,
                      at + 1_000,
                      "PASS",
                      "",
                      1000);
                }
              }),
          new TableSpec(
              "measurements",
              List.of(
                  "run_key",
                  "seq",
                  "step_id",
                  "attempt",
                  "name",
                  "value_num",
                  "value_text",
                  "units",
                  "limits",
                  "passed",
                  "message",
                  "taken_at"),
              (u, t) -> {
                for (int s = 0; s < STEPS; s++) {
                  long at = u.started() + (s + 1) * 1_000_000L;
                  double volts = 3.0 + ((u.n() + s) % 60) / 100.0;
                  t.row(
                      u.runKey(),
                      3 + 2 * s,
                      "step-" + s,
                      1,
                      "vbat" + s,
                      volts,
                      Double.toString(volts),
                      "V",
                      "[\"range 3.0..3.6\"]",
                      1,
                      "",
                      at + 500);
                }
              }));

  private void loadChunk(Connection c, BulkSession session, long first, int count)
      throws SQLException, IOException {
    List<Long> unitIds = reserve(c, "units", count);
    List<Long> runKeys = reserve(c, "runs", count);
    List<Unit> chunk = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chunk.add(new Unit(first + i, unitIds.get(i), runKeys.get(i)));
    }
    for (TableSpec spec : TABLES) {
      try (BulkSession.Table table = session.table(spec.name(), spec.columns())) {
        for (Unit unit : chunk) {
          spec.rows().of(unit, table);
        }
      }
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
