package io.shipready.store.report;

import java.time.Instant;

/**
 * Which runs to list, newest first.
 *
 * @param notPassed only runs that ended FAIL, ERROR or ABORTED
 * @param station only this station's runs (null: every station)
 * @param failedStep only runs that stopped at this step (null: any)
 * @param since only runs started at or after this (null: any time)
 * @param limit at most this many
 */
public record RunFilter(
    boolean notPassed, String station, String failedStep, Instant since, int limit) {
  public RunFilter {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit must be at least 1, not " + limit);
    }
    station = station == null || station.isBlank() ? null : station;
    failedStep = failedStep == null || failedStep.isBlank() ? null : failedStep;
  }
}
