package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.app.metrics.PrometheusText;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station page's {@code /metrics}, scraped while a simulated batch runs and after it. */
class StationMetricsTest {
  private static final int UNITS = 8;
  private static final String[] STATION = {"station", RunningStation.STATION};

  @TempDir Path folder;

  @Test
  void aScrapeMidBatchAndAtTheEndCountsWhatTheStationDid() throws Exception {
    try (RunningStation station =
        RunningStation.start(
            folder,
            "--recipe",
            RunningStation.SAMPLE,
            "--simulate",
            Integer.toString(UNITS),
            "--seed",
            "7",
            "--fail-rate",
            "0.3",
            "--slots",
            "2",
            // About three seconds a unit: four rounds of two slots leave time to scrape between.
            "--time-scale",
            "0.4")) {
      station.awaitState("a first unit done", s -> s.get("figures").get("runs").asInt() >= 1);

      PrometheusText midBatch = scrape(station);
      double finished = midBatch.sum("shipready_units_total", STATION);
      assertThat(finished).as("mid-batch: some units done, not all").isBetween(1.0, UNITS - 1.0);
      assertThat(midBatch.type("shipready_units_total")).isEqualTo("counter");
      assertThat(midBatch.type("shipready_step_duration_seconds")).isEqualTo("histogram");
      midBatch.checkHistogram("shipready_step_duration_seconds", STATION);
      assertThat(
              midBatch.value(
                  "shipready_step_duration_seconds_count",
                  "station",
                  RunningStation.STATION,
                  "step",
                  "identify",
                  "outcome",
                  "PASS"))
          .isGreaterThanOrEqualTo(1);
      assertThat(midBatch.value("shipready_first_pass_yield", STATION)).isBetween(0.0, 1.0);
      assertThat(midBatch.type("shipready_record_writer_pending_events")).isEqualTo("gauge");
      assertThat(midBatch.value("shipready_record_writer_pending_events", STATION))
          .isGreaterThanOrEqualTo(0);
      midBatch.checkHistogram("shipready_record_commit_seconds", STATION);
      assertThat(midBatch.value("shipready_record_commit_seconds_count", STATION)).isPositive();

      JsonNode done =
          station.awaitState("the whole batch", s -> s.get("figures").get("runs").asInt() == UNITS);
      JsonNode figures = done.get("figures");
      PrometheusText end = scrape(station);
      assertThat(end.sum("shipready_units_total", STATION)).isEqualTo(UNITS);
      assertThat(
              end.sum(
                  "shipready_units_total", "station", RunningStation.STATION, "outcome", "PASS"))
          .isEqualTo(figures.get("pass").asInt());
      assertThat(
              end.sum(
                  "shipready_units_total", "station", RunningStation.STATION, "outcome", "FAIL"))
          .isEqualTo(figures.get("fail").asInt());
      assertThat(end.value("shipready_first_pass_yield", STATION))
          .isCloseTo(figures.get("firstPassYield").asDouble(), within(1e-9));
      assertThat(end.sum("shipready_step_duration_seconds_count", STATION))
          .isGreaterThan(end.sum("shipready_step_duration_seconds_count", "step", "identify"));
      assertThat(station.stopAsEngineer()).isZero();
    }
  }

  private static PrometheusText scrape(RunningStation station) throws Exception {
    HttpResponse<String> response = station.get("metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    return PrometheusText.parse(response.body());
  }
}
