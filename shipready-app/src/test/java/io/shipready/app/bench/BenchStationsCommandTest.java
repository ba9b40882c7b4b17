package io.shipready.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.CommandLineRunner;
import io.shipready.store.StationTally;
import io.shipready.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench stations} at a tiny size: two station processes into one database, on SQLite (one
 * file, WAL) and on PostgreSQL when -Dshipready.test.postgres.url (or SHIPREADY_TEST_POSTGRES_URL)
 * names one. What the database holds is counted here again, by plain SQL.
 */
class BenchStationsCommandTest {
  private static final String SAMPLE = Path.of("..", "lines", "sample", "recipe.yaml").toString();

  @Test
  void twoStationProcessesShareOneSqliteFile(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("stations.db");
    benchTwoStations(db.toString(), "jdbc:sqlite:" + db);
  }

  @Test
  void twoStationProcessesShareOnePostgresDatabase() throws Exception {
    String base =
        System.getProperty(
            "shipready.test.postgres.url", System.getenv("SHIPREADY_TEST_POSTGRES_URL"));
    assumeTrue(
        base != null && !base.isBlank(),
        "PostgreSQL tests skipped: no database given; set -Dshipready.test.postgres.url="
            + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres (.ci/run does)");
    String schema =
        "stations_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try {
      benchTwoStations(url, url);
    } finally {
      try (Connection connection = DriverManager.getConnection(base);
          Statement statement = connection.createStatement()) {
        statement.execute("drop schema " + schema + " cascade");
      }
    }
  }

  @Test
  void theCountFindsAUnitRunTwice(@TempDir Path dir) throws Exception {
    String db = dir.resolve("twice.db").toString();
    for (int time = 0; time < 2; time++) {
      var run =
          CommandLineRunner.run(
              "run",
              "--recipe",
              SAMPLE,
              "--simulate",
              "2",
              "--seed",
              "5",
              "--time-scale",
              "0",
              "--station",
              "station-1",
              "--db",
              db);
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    try (Store store = Store.open(db)) {
      StationTally tally = StationTally.of(store, "station-1", Instant.EPOCH);
      assertThat(tally.runs()).isEqualTo(4);
      assertThat(tally.units()).isEqualTo(2);
      assertThat(tally.unitNumbersTwice()).isEqualTo(2);
      assertThat(tally.unitsRunElsewhere()).isEqualTo(2);
      assertThat(tally.exactly(4, 1)).isFalse();
    }
  }

  private static void benchTwoStations(String url, String jdbcUrl) throws Exception {
    var result =
        CommandLineRunner.run(
            "bench",
            "stations",
            "--stations",
            "2",
            "--slots",
            "2",
            "--units-per-slot",
            "2",
            "--steps",
            "3",
            "--warm-up",
            "1",
            "--db",
            url,
            "--json");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonNode figures = new ObjectMapper().readTree(result.out());
    assertThat(figures.get("exact").asBoolean()).isTrue();
    assertThat(figures.get("step_results").asLong()).isEqualTo(2 * 4 * 3);
    assertThat(figures.get("durable_step_results_per_s").asLong()).isPositive();
    assertThat(figures.get("commits_timed").asInt()).isEqualTo(8);
    assertThat(figures.get("commit_p50_ms").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(figures.get("commit_p99_ms").asDouble());
    assertThat(figures.get("commit_p99_ms").asDouble())
        .isLessThanOrEqualTo(figures.get("commit_max_ms").asDouble());
    JsonNode stations = figures.get("per_station");
    assertThat(stations).hasSize(2);
    assertThat(stations.get(0).get("station").asText()).isEqualTo("station-1");
    assertThat(stations.get(1).get("station").asText()).isEqualTo("station-2");
    for (JsonNode station : stations) {
      assertThat(station.get("check").asText()).isEqualTo("ok");
      assertThat(station.get("stored_units").asLong()).isEqualTo(4);
    }

    // Counted apart from the benchmark: each station's two warm-up units and four measured ones,
    // every run a unit of its own, every step stored.
    Map<String, long[]> byStation = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT r.station_id, COUNT(*), COUNT(DISTINCT r.unit_id),"
                    + " (SELECT COUNT(*) FROM step_attempts s JOIN runs o ON o.id = s.run_key"
                    + " WHERE o.station_id = r.station_id)"
                    + " FROM runs r GROUP BY r.station_id")) {
      while (rows.next()) {
        byStation.put(
            rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
      }
    }
    assertThat(byStation).containsOnlyKeys("station-1", "station-2");
    for (long[] counts : byStation.values()) {
      assertThat(counts).containsExactly(6, 6, 18);
    }
  }
}
