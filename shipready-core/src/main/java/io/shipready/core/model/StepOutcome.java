package io.shipready.core.model;

/** How one step ended. */
public enum StepOutcome {
  PASS,
  FAIL,
  ERROR,
  /** The step ran out of time; counts as an error of the run. */
  TIMEOUT,
  /** The step did not run, because a step it depends on did not pass or the run was stopped. */
  SKIPPED;

  public boolean passed() {
    return this == PASS;
  }
}
