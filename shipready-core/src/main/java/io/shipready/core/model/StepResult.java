package io.shipready.core.model;

import java.time.Duration;
import java.util.List;

/**
 * How one step of a run ended, after its last attempt.
 *
 * @param duration time spent inside the step's own work over all attempts, not counting waits for a
 *     shared instrument or between retries
 */
public record StepResult(
    String stepId,
    String kind,
    StepOutcome outcome,
    int attempts,
    String message,
    List<Measurement> measurements,
    Duration duration) {
  public StepResult {
    message = message == null ? "" : message;
    measurements = List.copyOf(measurements);
  }
}
