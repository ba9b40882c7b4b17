package io.shipready.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.CommandLineRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench engine} at a tiny size: the figures are there and consistent, whatever the speed.
 */
class BenchEngineCommandTest {

  @Test
  void aStationWithItsStoreReportsMediansSpreadBaselineAndSkew(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("bench.db");
    var result =
        CommandLineRunner.run(
            "bench",
            "engine",
            "--slots",
            "3",
            "--steps",
            "2",
            "--step-ms",
            "1",
            "--rounds",
            "3",
            "--db",
            db.toString(),
            "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode figures = new ObjectMapper().readTree(result.out());
    assertThat(figures.get("slots").asInt()).isEqualTo(3);
    assertThat(figures.get("rounds").asInt()).isEqualTo(3);
    assertThat(figures.get("store").asText()).contains("bench.db");
    assertThat(figures.get("devices").asText()).isEqualTo("simulated particle");
    assertThat(figures.get("ideal_s").asDouble()).isEqualTo(0.002);
    for (String spread :
        new String[] {"wall_s", "baseline_wall_s", "start_skew_median_ms", "first_start_ms"}) {
      double min = figures.get(spread + "_min").asDouble();
      double median = figures.get(spread).asDouble();
      double max = figures.get(spread + "_max").asDouble();
      assertThat(min).as(spread).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(median);
      assertThat(median).as(spread).isLessThanOrEqualTo(max);
    }
    assertThat(figures.get("wall_s_min").asDouble()).isGreaterThan(0);
    assertThat(figures.get("start_skew_max_ms").asDouble())
        .isGreaterThanOrEqualTo(figures.get("start_skew_median_ms_max").asDouble());
    assertThat(figures.get("efficiency").asDouble()).isPositive();
    assertThat(figures.get("baseline_efficiency").asDouble()).isPositive();
    assertThat(figures.get("units_passed").asInt()).isEqualTo(3);
    assertThat(figures.get("units_not_recorded").asInt()).isZero();
    // The rounds (and the warm-up) went to the store the user named: one run per unit.
    assertThat(db).exists();
    try (var store = io.shipready.store.Store.open(db.toString())) {
      assertThat(store.describe()).contains("bench.db");
    }
    assertThat(Files.size(db)).isPositive();
  }

  @Test
  void theEngineAloneKeepsNoRecords() throws Exception {
    var result =
        CommandLineRunner.run(
            "bench",
            "engine",
            "--slots",
            "2",
            "--steps",
            "1",
            "--step-ms",
            "1",
            "--rounds",
            "1",
            "--no-store");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("engine: 2 slots x 1 steps x 1.0 ms, simulated particle, records: none")
        .contains("median of 1 rounds")
        .contains("bare threads")
        .contains("start skew")
        .contains("units passed   2 of 2 per round; not recorded 0");
  }
}
