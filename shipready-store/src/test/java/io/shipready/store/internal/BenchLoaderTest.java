package io.shipready.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.store.Store;
import io.shipready.store.StoreBenchmark;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk loader of the trace benchmark on both engines: every row of every synthetic unit, each
 * unit traceable by each of its identifiers, a second load adding only what is missing, and the
 * secondary indexes it drops for a large load built again afterwards, even after a load that died.
 */
class BenchLoaderTest {
  private static final String POSTGRES_PROPERTY = "shipready.test.postgres.url";

  @Test
  void sqliteLoadsEveryRowAndRebuildsTheIndexes(@TempDir Path dir) throws Exception {
    String url = dir.resolve("bench.db").toString();
    loadsEveryRowAndRebuildsTheIndexes(url);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + url);
        Statement statement = c.createStatement();
        ResultSet broken = statement.executeQuery("PRAGMA foreign_key_check")) {
      assertThat(broken.next()).as("rows whose parent is missing").isFalse();
    }
  }

  @Test
  void postgresqlLoadsEveryRowAndRebuildsTheIndexes() throws Exception {
    String server = System.getProperty(POSTGRES_PROPERTY);
    assumeTrue(
        server != null && !server.isBlank(),
        "PostgreSQL test skipped: no server given; run with -D"
            + POSTGRES_PROPERTY
            + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    String schema =
        "shipready_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      loadsEveryRowAndRebuildsTheIndexes(
          server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    } finally {
      try (Connection c = DriverManager.getConnection(server);
          Statement statement = c.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Test
  void coldLookUpsAreTimedThroughNewConnections(@TempDir Path dir) {
    String url = dir.resolve("bench.db").toString();
    try (Store store = Store.open(url)) {
      StoreBenchmark.traceLatency(store, 200, 20);
    }
    StoreBenchmark.ColdLatencies cold = StoreBenchmark.coldTraceLatency(url, 30, false);

    assertThat(cold.latencies().lookups()).isEqualTo(30);
    assertThat(cold.latencies().unitsInStore()).isEqualTo(200);
    assertThat(cold.latencies().p99Millis()).isGreaterThanOrEqualTo(cold.latencies().p50Millis());
    assertThat(cold.firstMillis()).isPositive();
    assertThat(cold.osCacheDropped()).isFalse();
    assertThat(cold.cacheNote()).contains("not dropped");
  }

  private static void loadsEveryRowAndRebuildsTheIndexes(String url) throws Exception {
    try (Database database = Database.open(StoreUrl.parse(url))) {
      Map<String, String> indexesBefore = indexes(database);
      BenchLoader loader = new BenchLoader(database);

      // A large load (by the threshold given) drops the secondary indexes and builds them again.
      assertThat(loader.ensure(120, 1)).isEqualTo(120);
      assertThat(indexes(database)).isEqualTo(indexesBefore);
      // A second call loads only what is missing, with the indexes in place.
      assertThat(loader.ensure(300, 1_000_000)).isEqualTo(300);
      assertThat(loader.ensure(200)).isEqualTo(300);
      assertThat(loader.loaded()).isEqualTo(300);
      assertThat(count(database, "units")).isEqualTo(300);
      assertThat(count(database, "runs")).isEqualTo(300);
      assertThat(count(database, "unit_identifiers")).isEqualTo(6 * 300);
      assertThat(count(database, "components")).isEqualTo(300);
      assertThat(count(database, "step_attempts")).isEqualTo(BenchLoader.STEPS * 300L);
      assertThat(count(database, "measurements")).isEqualTo(BenchLoader.STEPS * 300L);

      // A load that died after dropping the indexes leaves their definitions; the next builds them.
      try (Connection c = database.writeConnection()) {
        LoadIndexes.drop(c, database.engine(), List.of("unit_identifiers", "components"));
      }
      assertThat(indexes(database)).isNotEqualTo(indexesBefore);
      assertThat(loader.ensure(300)).isEqualTo(300);
      assertThat(indexes(database)).isEqualTo(indexesBefore);
    }
    try (Store store = Store.open(url)) {
      for (long n : new long[] {0, 119, 120, 299}) {
        List<Long> units = new ArrayList<>();
        for (String kind : BenchLoader.KINDS) {
          var trace = store.trace(BenchLoader.value(kind, n));
          assertThat(trace.runs()).as(kind + " of unit " + n).hasSize(1);
          assertThat(trace.runs().get(0).steps()).hasSize(BenchLoader.STEPS);
          units.add(trace.unitId());
        }
        assertThat(units)
            .as("one unit behind every identifier of unit " + n)
            .containsOnly(units.get(0));
      }
    }
  }

  /** The store's indexes, by name, with what they index (not the loader's own tables'). */
  private static Map<String, String> indexes(Database database) throws SQLException {
    String query =
        database.engine() == Engine.POSTGRES
            ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            : "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'index'";
    Map<String, String> indexes = new TreeMap<>();
    try (Connection c = database.readConnection();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        if (!rows.getString(1).contains("shipready_bench_")) {
          indexes.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return indexes;
  }

  private static long count(Database database, String table) throws SQLException {
    try (Connection c = database.readConnection();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
