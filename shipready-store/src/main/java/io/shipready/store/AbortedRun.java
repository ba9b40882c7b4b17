package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * A run found open when a station started again (the station stopped in the middle of it), now
 * closed as ABORTED. Show these to the operator: the units must be run again.
 */
public record AbortedRun(
    String runId,
    String slot,
    int unitNumber,
    List<Identifier> identifiers,
    String recipe,
    String recipeVersion,
    Instant started) {
  public AbortedRun {
    requireNonNull(runId, "runId");
    identifiers = List.copyOf(identifiers);
  }
}
