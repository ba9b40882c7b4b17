package io.shipready.store.report;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the line did in a stretch of time, from the records: per station and recipe its runs,
 * yields, retests and speed; per step its yield and time; which steps and symptoms failed most; and
 * every numeric measurement's values against its limits. Only runs that ended in the stretch count.
 * A station that ran two recipes is counted once for each, as the steps differ.
 *
 * @param since the start of the stretch
 * @param station the station asked for, or {@code ""} for every station
 * @param firstStart when the earliest counted run started (null when none)
 * @param lastEnd when the latest counted run ended (null when none)
 */
public record ShiftReport(
    Instant since,
    String station,
    Instant firstStart,
    Instant lastEnd,
    List<StationYield> stations,
    List<StepYield> steps,
    List<Failures> failuresByStep,
    List<Failures> failuresBySymptom,
    List<MeasurementValues> measurements,
    List<RetestedUnit> retests) {

  public ShiftReport {
    requireNonNull(since, "since");
    station = station == null ? "" : station;
    stations = List.copyOf(stations);
    steps = List.copyOf(steps);
    failuresByStep = List.copyOf(failuresByStep);
    failuresBySymptom = List.copyOf(failuresBySymptom);
    measurements = List.copyOf(measurements);
    retests = List.copyOf(retests);
  }

  /** True when no run ended in the stretch. */
  public boolean empty() {
    return stations.isEmpty();
  }

  /**
   * One station's runs of one recipe.
   *
   * @param simulated the station's record says it ran simulated units, whose time is not the
   *     factory's: its speed is the simulator's
   * @param units distinct units (a run that never identified its unit counts as one)
   * @param firstPassUnits units whose first run in the stretch passed
   * @param finalPassUnits units whose last run in the stretch passed
   * @param retestRuns runs of a unit after its first in the stretch
   */
  public record StationYield(
      String stationId,
      String recipe,
      boolean simulated,
      int runs,
      int units,
      int pass,
      int fail,
      int error,
      int aborted,
      int firstPassUnits,
      int finalPassUnits,
      int retestRuns,
      Instant firstStart,
      Instant lastEnd) {
    public StationYield {
      requireNonNull(stationId, "stationId");
      requireNonNull(recipe, "recipe");
    }

    public double firstPassYield() {
      return units == 0 ? 0 : (double) firstPassUnits / units;
    }

    public double finalYield() {
      return units == 0 ? 0 : (double) finalPassUnits / units;
    }

    /** Units per hour from the first start to the last end; 0 when that is no time at all. */
    public double unitsPerHour() {
      if (firstStart == null || lastEnd == null) {
        return 0;
      }
      long millis = Duration.between(firstStart, lastEnd).toMillis();
      return millis <= 0 ? 0 : units * 3_600_000.0 / millis;
    }
  }

  /**
   * One step of a recipe at a station: how many runs reached it, how many it let through, and its
   * time.
   *
   * @param runs runs that tried the step at least once (skips are not tries)
   * @param passed runs in which one of its tries passed
   * @param passedFirstTry runs whose first try passed
   * @param attempts every try, retries included
   * @param meanTime mean time of a try
   * @param maxTime the longest try
   */
  public record StepYield(
      String stationId,
      String recipe,
      String stepId,
      String kind,
      int runs,
      int passed,
      int passedFirstTry,
      int attempts,
      Duration meanTime,
      Duration maxTime) {
    public double yield() {
      return runs == 0 ? 0 : (double) passed / runs;
    }
  }

  /**
   * Runs that failed (FAIL or ERROR) at a step, for one cause.
   *
   * @param symptom what failed: the measurements out of their limits, or the step's message with
   *     its figures left out; {@code ""} when counting by step alone
   * @param example one whole message, as recorded
   */
  public record Failures(
      String stationId, String recipe, String stepId, String symptom, int runs, String example) {}

  /**
   * The numeric values one measurement took in the stretch.
   *
   * @param limits the limits as the recipe wrote them (the latest run's)
   * @param values every value, oldest first
   * @param failed values that failed their limits
   */
  public record MeasurementValues(
      String stationId,
      String recipe,
      String stepId,
      String name,
      String units,
      List<String> limits,
      List<Double> values,
      int failed) {
    public MeasurementValues {
      limits = List.copyOf(limits);
      values = List.copyOf(values);
    }
  }

  /**
   * A unit run more than once by a station's recipe in the stretch.
   *
   * @param outcomes each run's outcome, oldest first
   */
  public record RetestedUnit(String stationId, String recipe, String unit, List<String> outcomes) {
    public RetestedUnit {
      outcomes = List.copyOf(outcomes);
    }
  }
}
