package io.shipready.store.report;

import io.shipready.core.model.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * One run as a list shows it: the unit by its identifiers, where and when it ran, how it ended.
 *
 * @param unit the unit's best name (serial, device id, first identifier), or {@code ""} when the
 *     run never identified it
 * @param outcome PASS, FAIL, ERROR, ABORTED, or {@code ""} while the run is open
 * @param ended null while the run is open
 */
public record RunListing(
    String runId,
    String unit,
    List<Identifier> identifiers,
    String stationId,
    String slot,
    String recipe,
    int retest,
    String outcome,
    String failedStep,
    String message,
    Instant started,
    Instant ended) {
  public RunListing {
    identifiers = List.copyOf(identifiers);
    outcome = outcome == null ? "" : outcome;
    failedStep = failedStep == null ? "" : failedStep;
    message = message == null ? "" : message;
  }
}
