package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several stations recording into one PostgreSQL database at once, as on a factory floor. Runs when
 * a PostgreSQL URL is given (-Dshipready.test.postgres.url or SHIPREADY_TEST_POSTGRES_URL);
 * reported as skipped, with the reason, otherwise.
 */
class SharedFactoryDatabaseTest {
  private static final String SAMPLE = Path.of("..", "lines", "sample", "recipe.yaml").toString();
  private static String baseUrl;
  private static String schema;
  private static String url;

  @BeforeAll
  static void freshSchema() throws Exception {
    baseUrl =
        System.getProperty(
            "shipready.test.postgres.url", System.getenv("SHIPREADY_TEST_POSTGRES_URL"));
    if (baseUrl == null || baseUrl.isBlank()) {
      // Each test then reports itself skipped, with the reason.
      return;
    }
    schema = "station_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    try (Connection connection = DriverManager.getConnection(baseUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    }
    url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (schema != null) {
      try (Connection connection = DriverManager.getConnection(baseUrl);
          Statement statement = connection.createStatement()) {
        statement.execute("drop schema " + schema + " cascade");
      }
    }
  }

  private static CommandLineRun station(String name, int seed) {
    return CommandLineRun.of(
        "run",
        "--recipe",
        SAMPLE,
        "--simulate",
        "12",
        "--seed",
        Integer.toString(seed),
        "--fail-rate",
        "0.2",
        "--time-scale",
        "0.01",
        "--db",
        url,
        "--station",
        name,
        "--json");
  }

  @Test
  void twoStationsRecordIntoOneDatabaseAtOnceAndEveryUnitTracesBack() throws Exception {
    assumeTrue(
        url != null,
        "PostgreSQL tests skipped: no database given; set -Dshipready.test.postgres.url="
            + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres (.ci/run does)");
    var first = CompletableFuture.supplyAsync(() -> station("line-a-final-test", 11));
    var second = CompletableFuture.supplyAsync(() -> station("line-b-final-test", 12));
    CommandLineRun a = first.get();
    CommandLineRun b = second.get();
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();

    Set<String> runIds = new HashSet<>();
    for (CommandLineRun station : new CommandLineRun[] {a, b}) {
      for (JsonNode run : new ObjectMapper().readTree(station.out()).get("runs")) {
        runIds.add(run.get("run_id").asText());
        String serial = run.get("identifiers").get("serial").asText();
        CommandLineRun trace = CommandLineRun.of("trace", serial, "--db", url, "--json");
        assertThat(trace.exitCode()).as(trace.err()).isZero();
        JsonNode traced = new ObjectMapper().readTree(trace.out());
        assertThat(traced.get("runs").findValuesAsText("run_id"))
            .contains(run.get("run_id").asText());
      }
    }
    assertThat(runIds).hasSize(24);

    CommandLineRun export = CommandLineRun.of("export", "--format", "json", "--db", url);
    assertThat(new ObjectMapper().readTree(export.out())).hasSize(24);
  }
}
