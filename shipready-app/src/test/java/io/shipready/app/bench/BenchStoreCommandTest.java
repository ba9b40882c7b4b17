package io.shipready.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.CommandLineRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench store} at a tiny size: both writers' figures and their ratio, whatever the speed.
 */
class BenchStoreCommandTest {

  @Test
  void sqliteReportsTheWriterBesideTheBareWriter(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("bench.db");
    var result =
        CommandLineRunner.run(
            "bench",
            "store",
            "--sqlite",
            db.toString(),
            "--units",
            "50",
            "--runs",
            "8",
            "--steps",
            "2",
            "--lookups",
            "10",
            "--rounds",
            "3",
            "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode sqlite = new ObjectMapper().readTree(result.out()).get("sqlite");
    assertThat(sqlite.get("rounds").asInt()).isEqualTo(3);
    for (String rate : new String[] {"durable_step_results_per_s", "bare_step_results_per_s"}) {
      long min = sqlite.get(rate + "_min").asLong();
      long median = sqlite.get(rate).asLong();
      long max = sqlite.get(rate + "_max").asLong();
      assertThat(min).as(rate).isPositive().isLessThanOrEqualTo(median);
      assertThat(median).as(rate).isLessThanOrEqualTo(max);
    }
    assertThat(sqlite.get("store_over_bare").asDouble()).isPositive();
    assertThat(sqlite.get("runs_per_commit").asInt()).isBetween(1, 8);
    assertThat(sqlite.get("events_per_commit").asDouble()).isPositive();
    assertThat(sqlite.get("units_stored").asLong()).isGreaterThanOrEqualTo(50);
    assertThat(sqlite.get("trace_p99_ms").asDouble())
        .isGreaterThanOrEqualTo(sqlite.get("trace_p50_ms").asDouble());
    // The bare writer's tables are in a file of their own beside the store's, holding the same
    // synthetic units as the store and the bare runs (a warm-up run and 3 rounds of 8).
    Path bare = dir.resolve("bench-bare.db");
    assertThat(bare).exists();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + bare);
        var statement = c.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*) FROM units")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(sqlite.get("units_stored").asLong() + 1 + 3 * 8);
    }
  }

  @Test
  void traceOnlyTimesTracesAndWritesNothingElse(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("trace.db");
    var result =
        CommandLineRunner.run(
            "bench",
            "store",
            "--sqlite",
            db.toString(),
            "--units",
            "40",
            "--lookups",
            "10",
            "--trace-only",
            "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode sqlite = new ObjectMapper().readTree(result.out()).get("sqlite");
    assertThat(sqlite.get("units_stored").asLong()).isEqualTo(40);
    assertThat(sqlite.get("trace_p99_ms").asDouble())
        .isGreaterThanOrEqualTo(sqlite.get("trace_p50_ms").asDouble());
    assertThat(sqlite.has("rounds")).as("no write rounds").isFalse();
    assertThat(sqlite.has("trace_cold_p99_ms")).as("no cold look-ups unless asked").isFalse();
    assertThat(dir.resolve("trace-bare.db")).doesNotExist();
  }

  @Test
  void theBareWriterGetsAPlaceOfItsOwn() {
    assertThat(BareWriterPlace.sqlite("records/bench.db")).isEqualTo("records/bench-bare.db");
    assertThat(BareWriterPlace.postgres("jdbc:postgresql://h/db?user=u"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&currentSchema=shipready_bench_bare");
    assertThat(BareWriterPlace.postgres("jdbc:postgresql://h/db?currentSchema=line1&user=u"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&currentSchema=shipready_bench_bare");
  }
}
