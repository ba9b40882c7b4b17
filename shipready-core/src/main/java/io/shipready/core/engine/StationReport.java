package io.shipready.core.engine;

import io.shipready.core.event.SlotState;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a station did in one session: every unit's run, in the order they ended, and how each slot
 * was left.
 */
public record StationReport(
    List<RunResult> runs, Map<String, SlotState> slots, Duration wallTime, String stationError) {
  public StationReport {
    runs = List.copyOf(runs);
    slots = Map.copyOf(slots);
    stationError = stationError == null ? "" : stationError;
  }

  public long count(Outcome outcome) {
    return runs.stream().filter(run -> run.outcome() == outcome).count();
  }

  /** Runs whose record could not be stored: their outcomes must not be trusted. */
  public long notRecorded() {
    return runs.stream().filter(RunResult::notRecorded).count();
  }

  /** Share of units that passed on their first run at this station. */
  public double firstPassYield() {
    return runs.isEmpty() ? 0 : (double) count(Outcome.PASS) / runs.size();
  }

  public double unitsPerHour() {
    double hours = wallTime.toNanos() / 3.6e12;
    return hours == 0 ? 0 : runs.size() / hours;
  }
}
