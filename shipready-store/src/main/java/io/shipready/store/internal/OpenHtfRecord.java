package io.shipready.store.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import io.shipready.store.UnitTrace;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as an OpenHTF test record, with the keys and nesting OpenHTF's JSON output callback
 * writes, so tools built on OpenHTF records read shipready's without change. Each step attempt is a
 * phase; a failed attempt that was retried is a repeated phase (result REPEAT, outcome SKIP), as
 * OpenHTF records a phase it runs again. Step messages become log records. What OpenHTF has no key
 * for (identifiers, recipe hash, operator, attributes, the unit's cloud provisioning operations) is
 * kept under {@code metadata}.
 */
final class OpenHtfRecord {
  /** Python's logging levels, which OpenHTF log records carry. */
  private static final int INFO = 20;

  private static final int WARNING = 30;
  private static final int ERROR = 40;

  private OpenHtfRecord() {}

  static void write(JsonGenerator json, ExportRun export) throws IOException {
    UnitTrace.Run run = export.run();
    json.writeStartObject();
    json.writeStringField("dut_id", export.dutId());
    json.writeStringField("station_id", run.stationId());
    json.writeNumberField("start_time_millis", millis(run.started()));
    json.writeNumberField("end_time_millis", millis(run.ended()));
    json.writeStringField("outcome", testOutcome(run));
    json.writeArrayFieldStart("outcome_details");
    if (!run.failedStep().isEmpty() || !run.message().isEmpty()) {
      json.writeStartObject();
      json.writeStringField("code", run.failedStep());
      json.writeStringField("description", run.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeBooleanField("marginal", false);
    metadata(json, export);
    json.writeObjectFieldStart("code_info");
    json.writeStringField("name", run.recipe());
    json.writeNullField("docstring");
    json.writeStringField("sourcecode", "");
    json.writeEndObject();
    json.writeArrayFieldStart("phases");
    List<UnitTrace.StepAttempt> steps = run.steps();
    for (int i = 0; i < steps.size(); i++) {
      phase(json, run, steps.get(i), retriedLater(steps, i));
    }
    json.writeEndArray();
    json.writeArrayFieldStart("subtests");
    json.writeEndArray();
    json.writeArrayFieldStart("branches");
    json.writeEndArray();
    json.writeArrayFieldStart("diagnosers");
    json.writeEndArray();
    json.writeArrayFieldStart("diagnoses");
    json.writeEndArray();
    logRecords(json, run);
    json.writeEndObject();
  }

  private static void metadata(JsonGenerator json, ExportRun export) throws IOException {
    UnitTrace.Run run = export.run();
    json.writeObjectFieldStart("metadata");
    json.writeStringField("test_name", run.recipe());
    json.writeStringField("test_description", "");
    json.writeStringField("test_version", run.recipeVersion());
    json.writeObjectFieldStart("config");
    json.writeStringField("station_id", run.stationId());
    json.writeStringField("computer_name", run.computerName());
    json.writeStringField("slot", run.slot());
    json.writeEndObject();
    json.writeStringField("recipe", run.recipe());
    json.writeStringField("recipe_version", run.recipeVersion());
    json.writeStringField("recipe_sha256", run.recipeSha256());
    json.writeStringField("run_id", run.runId());
    json.writeStringField("variant", run.variant());
    json.writeStringField("operator", run.operator());
    json.writeStringField("slot", run.slot());
    json.writeNumberField("retest", run.retest());
    if (run.stationPackage() != null) {
      json.writeObjectFieldStart("station_package");
      json.writeStringField("name", run.stationPackage().name());
      json.writeStringField("version", run.stationPackage().version());
      json.writeStringField("manifest_sha256", run.stationPackage().manifestSha256());
      json.writeEndObject();
    }
    json.writeObjectFieldStart("identifiers");
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (Identifier id : export.identifiers()) {
      byKind.computeIfAbsent(id.kind(), k -> new ArrayList<>()).add(id.value());
    }
    for (Map.Entry<String, List<String>> kind : byKind.entrySet()) {
      json.writeStringField(kind.getKey(), String.join(";", kind.getValue()));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("attributes");
    for (UnitTrace.Attribute attribute : run.attributes()) {
      json.writeStringField(attribute.stepId() + "." + attribute.name(), attribute.value());
    }
    json.writeEndObject();
    // Provisioning happens in the cloud after the run, not as one of its phases: it is metadata.
    Exporter.writeProvisioning(json, export.provisioning());
    json.writeEndObject();
  }

  private static void phase(
      JsonGenerator json, UnitTrace.Run run, UnitTrace.StepAttempt step, boolean retried)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", step.stepId());
    // OpenHTF numbers a phase by its descriptor, the same for every repeat of it.
    json.writeNumberField(
        "descriptor_id", (run.recipe() + "/" + step.stepId()).hashCode() & 0x7fffffff);
    json.writeObjectFieldStart("codeinfo");
    json.writeStringField("name", step.kind());
    json.writeNullField("docstring");
    json.writeStringField("sourcecode", "");
    json.writeEndObject();
    json.writeObjectFieldStart("options");
    json.writeStringField("name", step.stepId());
    json.writeNullField("timeout_s");
    json.writeNullField("run_if");
    json.writeBooleanField("requires_state", false);
    json.writeNullField("repeat_limit");
    json.writeBooleanField("repeat_on_timeout", false);
    json.writeBooleanField("force_repeat", false);
    json.writeEndObject();
    json.writeNumberField(
        "start_time_millis", millis(step.started() == null ? run.started() : step.started()));
    json.writeNumberField(
        "end_time_millis", millis(step.ended() == null ? run.ended() : step.ended()));
    json.writeObjectFieldStart("result");
    phaseResult(json, step, retried);
    json.writeEndObject();
    json.writeStringField("outcome", retried ? "SKIP" : phaseOutcome(step.outcome()));
    json.writeBooleanField("marginal", false);
    json.writeObjectFieldStart("measurements");
    for (UnitTrace.MeasurementValue m : step.measurements()) {
      measurement(json, m);
    }
    json.writeEndObject();
    json.writeObjectFieldStart("attachments");
    json.writeEndObject();
    json.writeArrayFieldStart("diagnosis_results");
    json.writeEndArray();
    json.writeArrayFieldStart("failure_diagnosis_results");
    json.writeEndArray();
    json.writeNullField("subtest_name");
    json.writeEndObject();
  }

  private static void measurement(JsonGenerator json, UnitTrace.MeasurementValue m)
      throws IOException {
    json.writeObjectFieldStart(m.name());
    json.writeStringField("name", m.name());
    json.writeStringField("outcome", m.passed() ? "PASS" : "FAIL");
    json.writeArrayFieldStart("validators");
    for (String limit : m.limits()) {
      json.writeString(OpenHtfValidators.of(limit));
    }
    json.writeEndArray();
    OpenHtfUnits.Unit unit = OpenHtfUnits.of(m.units());
    if (unit != null) {
      json.writeObjectFieldStart("units");
      json.writeStringField("name", unit.name());
      json.writeStringField("code", unit.code());
      json.writeStringField("suffix", unit.suffix());
      json.writeEndObject();
    }
    if (m.message() != null && !m.message().isEmpty()) {
      json.writeStringField("docstring", m.message());
    }
    Exporter.writeValue(json, "measured_value", m);
    json.writeEndObject();
  }

  /** OpenHTF's phase result: the PhaseResult the phase returned, or the exception that ended it. */
  private static void phaseResult(JsonGenerator json, UnitTrace.StepAttempt step, boolean retried)
      throws IOException {
    if (retried) {
      json.writeStringField("phase_result", "REPEAT");
      return;
    }
    StepOutcome outcome = step.outcome();
    if (outcome == StepOutcome.ERROR || outcome == StepOutcome.TIMEOUT || outcome == null) {
      json.writeObjectFieldStart("phase_result");
      json.writeStringField("exc_type", outcome == StepOutcome.TIMEOUT ? "Timeout" : "StepError");
      json.writeStringField("exc_val", step.message() == null ? "" : step.message());
      json.writeStringField("exc_tb", "");
      json.writeEndObject();
      return;
    }
    json.writeStringField(
        "phase_result",
        switch (outcome) {
          case PASS -> "CONTINUE";
          case FAIL -> "FAIL_AND_CONTINUE";
          case SKIPPED -> "SKIP";
          default -> throw new IllegalStateException("handled above: " + outcome);
        });
  }

  private static void logRecords(JsonGenerator json, UnitTrace.Run run) throws IOException {
    json.writeArrayFieldStart("log_records");
    for (UnitTrace.StepAttempt step : run.steps()) {
      if (step.message() == null || step.message().isEmpty()) {
        continue;
      }
      json.writeStartObject();
      json.writeNumberField("level", logLevel(step.outcome()));
      json.writeStringField("logger_name", "shipready.run." + run.runId() + "." + step.stepId());
      json.writeStringField("source", run.recipe());
      json.writeNumberField("lineno", 0);
      json.writeNumberField(
          "timestamp_millis", millis(step.ended() == null ? run.ended() : step.ended()));
      json.writeStringField(
          "message", step.stepId() + " attempt " + step.attempt() + ": " + step.message());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static boolean retriedLater(List<UnitTrace.StepAttempt> steps, int index) {
    String stepId = steps.get(index).stepId();
    for (int later = index + 1; later < steps.size(); later++) {
      if (steps.get(later).stepId().equals(stepId)) {
        return true;
      }
    }
    return false;
  }

  private static String testOutcome(UnitTrace.Run run) {
    if (run.outcome() == Outcome.ERROR
        && !run.steps().isEmpty()
        && run.steps().get(run.steps().size() - 1).outcome() == StepOutcome.TIMEOUT) {
      return "TIMEOUT";
    }
    return run.outcome().name();
  }

  private static String phaseOutcome(StepOutcome outcome) {
    if (outcome == null) {
      return "ERROR";
    }
    return switch (outcome) {
      case PASS -> "PASS";
      case FAIL -> "FAIL";
      case SKIPPED -> "SKIP";
      case ERROR, TIMEOUT -> "ERROR";
    };
  }

  private static int logLevel(StepOutcome outcome) {
    if (outcome == null) {
      return ERROR;
    }
    return switch (outcome) {
      case PASS, SKIPPED -> INFO;
      case FAIL -> WARNING;
      case ERROR, TIMEOUT -> ERROR;
    };
  }

  static long millis(Instant instant) {
    return instant == null ? 0 : instant.toEpochMilli();
  }
}
