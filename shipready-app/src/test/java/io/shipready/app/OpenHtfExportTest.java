package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenHTF export of a real simulated run, read the way a tool built on OpenHTF output reads it:
 * only through the keys and nesting of OpenHTF's test record. (OpenHTF itself is a Python package;
 * the reader below follows its record layout key for key.)
 */
class OpenHtfExportTest {
  private static final String SAMPLE = Path.of("..", "lines", "sample", "recipe.yaml").toString();

  /** OpenHTF's validator wording: InRange, Equals, RegexMatcher, and a custom validator's own. */
  private static final Pattern OPENHTF_VALIDATOR =
      Pattern.compile(
          "-?\\d+\\.\\d+ <= x <= -?\\d+\\.\\d+|-?\\d+\\.\\d+ <= x|x <= -?\\d+\\.\\d+"
              + "|x == -?\\d+\\.\\d+|'x' is equal to '.*'|'x' matches /.*/|'x' is one of \\[.*]");

  @Test
  void aSimulatedRunExportsAsOpenHtfRecordsOneFileEach(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("records.db");
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            SAMPLE,
            "--simulate",
            "8",
            "--seed",
            "7",
            "--fail-rate",
            "0.3",
            "--time-scale",
            "0.01",
            "--db",
            db.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    JsonNode summary = new ObjectMapper().readTree(run.out());
    Map<String, String> outcomeByRun = new LinkedHashMap<>();
    for (JsonNode unit : summary.get("runs")) {
      outcomeByRun.put(unit.get("run_id").asText(), unit.get("outcome").asText());
    }

    Path folder = dir.resolve("openhtf");
    CommandLineRun export =
        CommandLineRun.of(
            "export", "--format", "openhtf", "--db", db.toString(), "--out", folder.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.err()).contains("8 records written to");

    List<TestRecord> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        TestRecord record = TestRecord.read(file);
        // OpenHTF's file pattern: {dut_id}.{start_time_millis}.json
        assertThat(file.getFileName().toString())
            .isEqualTo(record.dutId() + "." + record.startTimeMillis() + ".json");
        records.add(record);
      }
    }
    assertThat(records).hasSize(8);

    boolean sawFailure = false;
    boolean sawMeasurement = false;
    for (TestRecord record : records) {
      assertThat(record.outcome()).isIn("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED");
      String runId = record.metadata().get("run_id").asText();
      String expected = outcomeByRun.get(runId);
      // OpenHTF tells a run that timed out from one that hit an error; shipready says ERROR.
      if (expected.equals("ERROR")) {
        assertThat(record.outcome()).isIn("ERROR", "TIMEOUT");
      } else {
        assertThat(record.outcome()).isEqualTo(expected);
      }
      assertThat(record.metadata().get("test_name").asText()).isEqualTo("sample-tracker");
      assertThat(record.stationId()).isNotBlank();
      assertThat(record.endTimeMillis()).isGreaterThanOrEqualTo(record.startTimeMillis());
      assertThat(record.phases()).isNotEmpty();
      if (!record.outcome().equals("PASS")) {
        sawFailure = true;
        assertThat(record.outcomeDetails()).isNotEmpty();
        assertThat(record.logRecords()).isNotEmpty();
      }
      for (PhaseRecord phase : record.phases()) {
        assertThat(phase.outcome()).isIn("PASS", "FAIL", "SKIP", "ERROR");
        assertThat(phase.startTimeMillis()).isGreaterThanOrEqualTo(record.startTimeMillis());
        assertThat(phase.endTimeMillis()).isLessThanOrEqualTo(record.endTimeMillis());
        if (phase.phaseResult() != null) {
          assertThat(phase.phaseResult())
              .isIn("CONTINUE", "FAIL_AND_CONTINUE", "REPEAT", "SKIP", "STOP");
        }
        for (Measurement m : phase.measurements().values()) {
          sawMeasurement = true;
          assertThat(m.outcome()).isIn("PASS", "FAIL", "UNSET");
          for (String validator : m.validators()) {
            assertThat(validator).matches(OPENHTF_VALIDATOR);
          }
          if (m.name().equals("supply_voltage")) {
            assertThat(m.units()).isEqualTo(new Units("volt", "VLT", "V"));
            assertThat(m.validators()).containsExactly("3.2 <= x <= 3.4");
          }
          if (m.name().equals("idle_current")) {
            assertThat(m.units()).isEqualTo(new Units("milliampere", "4K", "mA"));
            assertThat(m.validators()).containsExactly("x <= 60.0");
          }
          if (m.name().equals("cellular_rssi")) {
            assertThat(m.validators()).containsExactly("-90.0 <= x");
          }
        }
      }
    }
    assertThat(sawFailure).as("a failed unit among 8 at fail rate 0.3").isTrue();
    assertThat(sawMeasurement).isTrue();

    // The streaming variant holds the same records, one a line.
    CommandLineRun lines =
        CommandLineRun.of("export", "--format", "openhtf-jsonl", "--db", db.toString());
    assertThat(lines.exitCode()).as(lines.err()).isZero();
    assertThat(lines.out().lines()).hasSize(8);

    CommandLineRun noFolder =
        CommandLineRun.of("export", "--format", "openhtf", "--db", db.toString());
    assertThat(noFolder.exitCode()).isEqualTo(2);
    assertThat(noFolder.err()).contains("--out FOLDER").contains("openhtf-jsonl");
  }

  // A reader written against OpenHTF's test record layout (test_record.py, measurements.py,
  // util/logs.py), touching every key an OpenHTF consumer reads.

  record TestRecord(
      String dutId,
      String stationId,
      long startTimeMillis,
      long endTimeMillis,
      String outcome,
      List<JsonNode> outcomeDetails,
      boolean marginal,
      JsonNode metadata,
      JsonNode codeInfo,
      List<PhaseRecord> phases,
      List<JsonNode> logRecords) {
    static TestRecord read(Path file) throws IOException {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      for (String key : List.of("subtests", "branches", "diagnoses", "log_records")) {
        assertThat(required(json, key).isArray()).as(key).isTrue();
      }
      List<PhaseRecord> phases = new ArrayList<>();
      for (JsonNode phase : required(json, "phases")) {
        phases.add(PhaseRecord.read(phase));
      }
      List<JsonNode> details = new ArrayList<>();
      for (JsonNode detail : required(json, "outcome_details")) {
        required(detail, "code");
        required(detail, "description");
        details.add(detail);
      }
      List<JsonNode> logs = new ArrayList<>();
      for (JsonNode log : required(json, "log_records")) {
        for (String key :
            List.of("level", "logger_name", "source", "lineno", "timestamp_millis", "message")) {
          required(log, key);
        }
        assertThat(log.get("level").isInt()).isTrue();
        logs.add(log);
      }
      JsonNode codeInfo = required(json, "code_info");
      for (String key : List.of("name", "docstring", "sourcecode")) {
        required(codeInfo, key);
      }
      JsonNode metadata = required(json, "metadata");
      required(metadata, "test_name");
      assertThat(required(metadata, "config").isObject()).isTrue();
      return new TestRecord(
          required(json, "dut_id").asText(),
          required(json, "station_id").asText(),
          required(json, "start_time_millis").asLong(),
          required(json, "end_time_millis").asLong(),
          required(json, "outcome").asText(),
          details,
          required(json, "marginal").asBoolean(),
          metadata,
          codeInfo,
          phases,
          logs);
    }
  }

  record PhaseRecord(
      String name,
      long descriptorId,
      long startTimeMillis,
      long endTimeMillis,
      String phaseResult,
      String outcome,
      Map<String, Measurement> measurements,
      JsonNode attachments) {
    static PhaseRecord read(JsonNode json) {
      required(json, "codeinfo");
      required(json, "options");
      required(json, "diagnosis_results");
      required(json, "failure_diagnosis_results");
      JsonNode result = required(required(json, "result"), "phase_result");
      Map<String, Measurement> measurements = new LinkedHashMap<>();
      JsonNode byName = required(json, "measurements");
      assertThat(byName.isObject()).as("measurements keyed by name").isTrue();
      byName
          .fields()
          .forEachRemaining(
              entry -> {
                Measurement m = Measurement.read(entry.getValue());
                assertThat(m.name()).isEqualTo(entry.getKey());
                measurements.put(entry.getKey(), m);
              });
      JsonNode attachments = required(json, "attachments");
      assertThat(attachments.isObject()).isTrue();
      attachments
          .fields()
          .forEachRemaining(
              entry -> {
                required(entry.getValue(), "mimetype");
                required(entry.getValue(), "sha1");
              });
      return new PhaseRecord(
          required(json, "name").asText(),
          required(json, "descriptor_id").asLong(),
          required(json, "start_time_millis").asLong(),
          required(json, "end_time_millis").asLong(),
          result.isTextual() ? result.asText() : null,
          required(json, "outcome").asText(),
          measurements,
          attachments);
    }
  }

  record Units(String name, String code, String suffix) {}

  record Measurement(
      String name, String outcome, JsonNode measuredValue, List<String> validators, Units units) {
    static Measurement read(JsonNode json) {
      List<String> validators = new ArrayList<>();
      json.path("validators").forEach(v -> validators.add(v.asText()));
      Units units = null;
      if (json.has("units")) {
        JsonNode u = json.get("units");
        assertThat(u.isObject()).as("units as {name, code, suffix}").isTrue();
        units =
            new Units(
                required(u, "name").asText(),
                u.get("code").isNull() ? null : required(u, "code").asText(),
                required(u, "suffix").asText());
      }
      String outcome = required(json, "outcome").asText();
      if (!outcome.equals("UNSET")) {
        required(json, "measured_value");
      }
      return new Measurement(
          required(json, "name").asText(), outcome, json.get("measured_value"), validators, units);
    }
  }

  private static JsonNode required(JsonNode json, String key) {
    assertThat(json.has(key))
        .as("OpenHTF key %s in %s", key, Set.copyOf(fieldNames(json)))
        .isTrue();
    return json.get(key);
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
