package io.shipready.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A unit's run as the station saw it end: who the unit is, the outcome, the first step that did not
 * pass and why, and every step's result in the order they ended. {@code notRecorded} is true when
 * the station keeps records and this run's could not be stored: its outcome must not be trusted.
 */
public record RunResult(
    String runId,
    String slot,
    int unitNumber,
    List<Identifier> identifiers,
    Map<String, String> attributes,
    Outcome outcome,
    String failedStep,
    String message,
    List<StepResult> steps,
    Instant started,
    Duration duration,
    boolean notRecorded) {

  /** A run whose record is stored (or that a station without a store ran). */
  public RunResult(
      String runId,
      String slot,
      int unitNumber,
      List<Identifier> identifiers,
      Map<String, String> attributes,
      Outcome outcome,
      String failedStep,
      String message,
      List<StepResult> steps,
      Instant started,
      Duration duration) {
    this(
        runId,
        slot,
        unitNumber,
        identifiers,
        attributes,
        outcome,
        failedStep,
        message,
        steps,
        started,
        duration,
        false);
  }

  public RunResult {
    identifiers = List.copyOf(identifiers);
    attributes = Map.copyOf(attributes);
    steps = List.copyOf(steps);
    failedStep = failedStep == null ? "" : failedStep;
    message = message == null ? "" : message;
  }

  /** The same run, marked as one whose record could not be stored (or, false, as stored). */
  public RunResult withNotRecorded(boolean notRecorded) {
    return new RunResult(
        runId,
        slot,
        unitNumber,
        identifiers,
        attributes,
        outcome,
        failedStep,
        message,
        steps,
        started,
        duration,
        notRecorded);
  }

  /**
   * The unit's best name for people: its serial, device id, or first identifier; else its number.
   */
  public String unitName() {
    for (String kind : List.of(Identifier.SERIAL, Identifier.DEVICE_ID)) {
      for (Identifier id : identifiers) {
        if (id.kind().equals(kind)) {
          return id.value();
        }
      }
    }
    return identifiers.isEmpty() ? "unit " + unitNumber : identifiers.get(0).value();
  }
}
