package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NUL or another control character in a hook's output or a recipe value is recorded, visibly
 * escaped, on SQLite and on PostgreSQL, and every unit of the batch stays recorded. PostgreSQL
 * refuses a NUL in text and SQLite cuts text at it, so before this was made safe a recipe value
 * with a NUL lost every record on PostgreSQL while the summary said PASS.
 */
class RecordedTextTest {
  private static final String POSTGRES_URL =
      System.getProperty(
          "shipready.test.postgres.url", System.getenv("SHIPREADY_TEST_POSTGRES_URL"));
  private static String schema;

  @TempDir Path dir;

  @Test
  void controlCharactersEndRecordedAndVisibleOnSqlite() throws Exception {
    runAndTrace(dir.resolve("records.db").toString());
  }

  @Test
  void controlCharactersEndRecordedAndVisibleOnPostgres() throws Exception {
    assumeTrue(
        POSTGRES_URL != null && !POSTGRES_URL.isBlank(),
        "PostgreSQL tests skipped: no database given; set -Dshipready.test.postgres.url="
            + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres (.ci/run does)");
    schema = "recorded_text_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    }
    runAndTrace(
        POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (schema != null) {
      try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
          Statement statement = connection.createStatement()) {
        statement.execute("drop schema " + schema + " cascade");
      }
    }
  }

  private void runAndTrace(String db) throws Exception {
    Path recipe = dir.resolve("hooks.yaml");
    // YAML's "\0" and "\a" are a NUL and a bell in the recipe; printf's \000 and \033 put a NUL
    // and an escape into the hook's output.
    Files.writeString(
        recipe,
        """
        recipe: hooks-with-control-characters
        version: "1.0\\0beta\\a"
        station:
          device_family: particle
          slots: 2
        steps:
          - id: identify
            kind: identify
            with: {require: [device_id]}
          - id: hook
            kind: command
            depends_on: [identify]
            with:
              run: [sh, -c, "printf 'note=left\\\\000right\\\\033[31m\\\\n'"]
        """);

    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            recipe.toString(),
            "--simulate",
            "3",
            "--time-scale",
            "0.01",
            "--db",
            db,
            "--station",
            "text-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1),
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("pass").asInt()).isEqualTo(3);
    assertThat(summary.path("not_recorded").asInt()).isZero();
    for (JsonNode unit : summary.get("runs")) {
      String deviceId = unit.get("identifiers").get("device_id").asText();
      CommandLineRun trace = CommandLineRun.of("trace", deviceId, "--db", db, "--json");
      assertThat(trace.exitCode()).as(trace.err()).isZero();
      assertThat(trace.out())
          .as("the hook's output, escaped where it had control characters")
          .contains("left\\\\u0000right\\\\u001b[31m")
          .as("the recipe's version, escaped the same way")
          .contains("1.0\\\\u0000beta\\\\u0007");
    }
  }
}
