package io.shipready.core.step;

/** The place a step may take in a recipe, which the ordering rules are written in. */
public enum StepCategory {
  /** Learns who the unit is (identify, scan). Comes before everything else. */
  IDENTIFICATION,
  /** Does something to the unit that can be done again (flash, sideload, reboot). */
  ACTION,
  /** Judges the unit (measure, console test, ready-to-ship). */
  CHECK,
  /**
   * Cannot be undone (e-fuse write, manufacturing state). Runs only when every check before it in
   * the recipe passed.
   */
  IRREVERSIBLE,
  /** Finishes the unit (DeviceComplete). Irreversible, and last. */
  FINALIZATION;

  public boolean irreversible() {
    return this == IRREVERSIBLE || this == FINALIZATION;
  }
}
