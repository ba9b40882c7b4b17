package io.shipready.store;

/** The shapes {@link Store#export} and {@link Store#exportFiles} write records in. */
public enum ExportFormat {
  /**
   * One row per measurement, and one per step attempt that took none: run, unit identifiers,
   * station, slot, recipe, step, attempt, outcome, measurement, value, units, limits, passed.
   */
  CSV,
  /** A JSON array of runs, each with its unit, steps and measurements. */
  JSON,
  /**
   * OpenHTF test records as OpenHTF's JSON output callback writes them: one file per record, for
   * tools built on OpenHTF output.
   */
  OPENHTF,
  /** The same OpenHTF test records, one a line, for tools that read a stream. */
  OPENHTF_JSONL;

  /** True when the format is a folder of one file per record, not one stream. */
  public boolean oneFilePerRecord() {
    return this == OPENHTF;
  }
}
