package io.shipready.store;

import io.shipready.core.event.Event;
import io.shipready.core.event.Event.IrreversibleOperation.Phase;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.EventListener;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Publishes a run's events the way the engine does, one call per thing that happens. */
final class RunScript {
  static final String RECIPE = "tracker-final";
  static final String RECIPE_VERSION = "1.4.2";
  static final String RECIPE_SHA =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private final EventListener out;
  private final String runId;
  private final String slot;
  private final int unitNumber;
  private Instant now;

  RunScript(EventListener out, String slot, int unitNumber) {
    this.out = out;
    this.runId = newRunId();
    this.slot = slot;
    this.unitNumber = unitNumber;
    this.now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    out.on(
        new Event.RunStarted(
            runId, slot, unitNumber, RECIPE, RECIPE_VERSION, RECIPE_SHA, "eu", tick()));
  }

  /** A time-ordered UUID, as the engine makes them. */
  static String newRunId() {
    return io.shipready.core.engine.RunIds.next();
  }

  String runId() {
    return runId;
  }

  private Instant tick() {
    now = now.plusMillis(1);
    return now;
  }

  RunScript identified(Identifier... ids) {
    out.on(new Event.UnitIdentified(runId, slot, List.of(ids), tick()));
    return this;
  }

  RunScript started(String stepId, String kind, int attempt) {
    out.on(new Event.StepStarted(runId, slot, stepId, kind, attempt, tick()));
    return this;
  }

  RunScript finished(String stepId, String kind, int attempt, StepOutcome outcome, String message) {
    out.on(
        new Event.StepFinished(
            runId, slot, stepId, kind, attempt, outcome, message, Duration.ofMillis(1), tick()));
    return this;
  }

  RunScript measured(String stepId, Measurement measurement) {
    out.on(new Event.MeasurementTaken(runId, slot, stepId, measurement, tick()));
    return this;
  }

  /** One attempt of a step, start to finish, with the measurements it took. */
  RunScript step(
      String stepId,
      String kind,
      int attempt,
      StepOutcome outcome,
      String message,
      Measurement... measurements) {
    started(stepId, kind, attempt);
    for (Measurement measurement : measurements) {
      measured(stepId, measurement);
    }
    return finished(stepId, kind, attempt, outcome, message);
  }

  RunScript step(String stepId, String kind, Measurement... measurements) {
    return step(stepId, kind, 1, StepOutcome.PASS, "", measurements);
  }

  RunScript skipped(String stepId, String kind, String reason) {
    return finished(stepId, kind, 0, StepOutcome.SKIPPED, reason);
  }

  RunScript attribute(String stepId, String key, String value) {
    out.on(new Event.AttributeRecorded(runId, slot, stepId, key, value, tick()));
    return this;
  }

  RunScript image(String stepId, String name, String version, String sha256) {
    out.on(new Event.ImageWritten(runId, slot, stepId, name, version, sha256, tick()));
    return this;
  }

  RunScript component(String stepId, String position, String barcode) {
    out.on(new Event.ComponentLinked(runId, slot, stepId, position, barcode, tick()));
    return this;
  }

  RunScript irreversible(String stepId, Phase phase, String detail) {
    out.on(new Event.IrreversibleOperation(runId, slot, stepId, phase, detail, tick()));
    return this;
  }

  RunScript finish(Outcome outcome, String failedStep, String message) {
    out.on(
        new Event.RunFinished(
            runId, slot, unitNumber, outcome, failedStep, message, Duration.ofSeconds(3), tick()));
    return this;
  }

  RunScript pass() {
    return finish(Outcome.PASS, "", "");
  }

  static Measurement volts(double value, boolean passed) {
    return new Measurement(
        "vbat", value, "V", List.of("range 3.0..3.6"), passed, passed ? "" : "out of range");
  }
}
