package io.shipready.store;

/** The shapes {@link Store#export} writes records in. */
public enum ExportFormat {
  /**
   * One row per measurement, and one per step attempt that took none: run, unit identifiers,
   * station, slot, recipe, step, attempt, outcome, measurement, value, units, limits, passed.
   */
  CSV,
  /** A JSON array of runs, each with its unit, steps and measurements. */
  JSON,
  /** A JSON array of OpenHTF-style test records, for tools that read OpenHTF output. */
  OPENHTF
}
