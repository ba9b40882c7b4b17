package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What became of one unit.
 *
 * @param unit the unit
 * @param state done, failed, or not attempted (the run stopped first)
 * @param done operations done by this run
 * @param skipped operations the journal said were done by an earlier run
 * @param failedStep the operation that failed, or null
 * @param message why, or null
 */
public record UnitResult(
    UnitRow unit,
    State state,
    List<String> done,
    List<String> skipped,
    String failedStep,
    String message) {
  /** A unit's end state. */
  public enum State {
    DONE,
    FAILED,
    NOT_ATTEMPTED
  }

  public UnitResult {
    requireNonNull(unit, "unit");
    requireNonNull(state, "state");
    done = List.copyOf(done);
    skipped = List.copyOf(skipped);
  }
}
