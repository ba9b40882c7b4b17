package io.shipready.core.model;

/** How a run of a recipe on one unit ended. */
public enum Outcome {
  /** Every step passed (or was allowed to fail with {@code on_fail: continue} and none did). */
  PASS,
  /** The unit failed a check: a validator, a device rule, a verification. The unit is suspect. */
  FAIL,
  /** Something went wrong that says nothing certain about the unit: a timeout, a lost device. */
  ERROR,
  /** The run was stopped before it ended: by the operator, a shutdown or a crash. */
  ABORTED
}
