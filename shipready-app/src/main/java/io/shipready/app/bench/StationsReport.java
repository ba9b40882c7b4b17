package io.shipready.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.core.Percentile;
import io.shipready.store.StationTally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code shipready bench stations} shows its figures: a table, or one JSON object. */
public final class StationsReport {
  private StationsReport() {}

  /** Flat snake_case figures, then one object per station. */
  public static Map<String, Object> figures(StationsBenchmark.Result result) {
    StationsBenchmark.Settings settings = result.settings();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("stations", settings.stations());
    figures.put("slots", settings.slots());
    figures.put("units_per_slot", settings.unitsPerSlot());
    figures.put("steps", settings.steps());
    figures.put("step_ms", settings.stepTime().toNanos() / 1e6);
    figures.put("store", result.store());
    figures.put("interval_s", round(result.intervalSeconds(), 4));
    figures.put("start_spread_ms", round(result.startSpreadMillis(), 2));
    figures.put("step_results", result.stepResults());
    figures.put("durable_step_results_per_s", Math.round(result.stepResultsPerSecond()));
    latencies(figures, result.latencyMicros());
    figures.put("exact", result.exact());
    figures.put("problems", result.problems());
    List<Map<String, Object>> stations = new ArrayList<>();
    for (StationsBenchmark.Station station : result.stations()) {
      StationProcess.Figures run = station.figures();
      StationTally tally = station.tally();
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("station", run.station());
      one.put("seed", run.seed());
      one.put("wall_s", round(station.wallSeconds(), 4));
      one.put("units_passed", run.passed());
      one.put("units_not_recorded", run.notRecorded());
      one.put(
          "durable_step_results_per_s",
          Math.round(station.wallSeconds() <= 0 ? 0 : tally.stepResults() / station.wallSeconds()));
      latencies(one, sorted(run.latencyMicros()));
      one.put("commits", run.commits());
      one.put(
          "events_per_commit",
          round(run.commits() == 0 ? 0 : (double) run.eventsCommitted() / run.commits(), 1));
      one.put("stored_runs", tally.runs());
      one.put("stored_units", tally.units());
      one.put("stored_step_results", tally.stepResults());
      one.put("check", check(result.settings(), station));
      one.put("exact", station.exact());
      stations.add(one);
    }
    figures.put("per_station", stations);
    return figures;
  }

  public static String json(StationsBenchmark.Result result) throws JsonProcessingException {
    return new ObjectMapper().writeValueAsString(figures(result));
  }

  public static String text(StationsBenchmark.Result result) {
    StationsBenchmark.Settings settings = result.settings();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "stations: %d processes x %d slots, %d units per slot, %d steps (the first identifies"
                + " the unit, the rest wait %.1f ms), simulated %s%n"
                + "records: %s%n",
            settings.stations(),
            settings.slots(),
            settings.unitsPerSlot(),
            settings.steps(),
            settings.stepTime().toNanos() / 1e6,
            EngineBenchmark.FAMILY,
            result.store()));
    String row = "  %-12s %6s %9s %8s %11s %8s %8s %8s %8s  %s%n";
    text.append(
        String.format(
            Locale.ROOT,
            row,
            "station",
            "passed",
            "results",
            "wall s",
            "results/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "commits",
            "in the database"));
    for (StationsBenchmark.Station station : result.stations()) {
      StationProcess.Figures run = station.figures();
      long[] sorted = sorted(run.latencyMicros());
      text.append(
          String.format(
              Locale.ROOT,
              row,
              run.station(),
              run.passed(),
              station.tally().stepResults(),
              String.format(Locale.ROOT, "%.3f", station.wallSeconds()),
              String.format(
                  Locale.ROOT,
                  "%,.0f",
                  station.wallSeconds() <= 0
                      ? 0.0
                      : station.tally().stepResults() / station.wallSeconds()),
              millis(Percentile.nearestRank(sorted, 0.50)),
              millis(Percentile.nearestRank(sorted, 0.99)),
              millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
              run.commits(),
              check(settings, station)));
    }
    long[] all = result.latencyMicros();
    text.append(
        String.format(
            Locale.ROOT,
            row,
            "all",
            result.stations().stream().mapToLong(s -> s.figures().passed()).sum(),
            result.stepResults(),
            String.format(Locale.ROOT, "%.3f", result.intervalSeconds()),
            String.format(Locale.ROOT, "%,.0f", result.stepResultsPerSecond()),
            millis(Percentile.nearestRank(all, 0.50)),
            millis(Percentile.nearestRank(all, 0.99)),
            millis(all.length == 0 ? 0 : all[all.length - 1]),
            result.stations().stream().mapToLong(s -> s.figures().commits()).sum(),
            result.exact() ? "each unit exactly once" : "NOT EXACT"));
    text.append(
        String.format(
            Locale.ROOT,
            "  durable step results/s: all stations' stored step results over the common"
                + " interval, from the start signal to the last run durable (the last station"
                + " heard the signal %.1f ms after the first)%n"
                + "  p50/p99/max: commit latency of a run, its end queued to the record writer"
                + " until durable%n",
            result.startSpreadMillis()));
    for (String problem : result.problems()) {
      text.append("  problem: ").append(problem).append(System.lineSeparator());
    }
    return text.toString();
  }

  /** "ok", or what differs between what the station ran and what the database holds. */
  static String check(StationsBenchmark.Settings settings, StationsBenchmark.Station station) {
    StationTally tally = station.tally();
    long expected = settings.unitsPerStation();
    List<String> wrong = new ArrayList<>();
    if (tally.runs() != expected) {
      wrong.add(tally.runs() + " of " + expected + " runs stored");
    }
    if (tally.units() != expected) {
      wrong.add(tally.units() + " of " + expected + " units");
    }
    if (tally.unitNumbersTwice() > 0) {
      wrong.add(tally.unitNumbersTwice() + " units run twice");
    }
    if (tally.unitsRunElsewhere() > 0) {
      wrong.add(tally.unitsRunElsewhere() + " units also in other runs");
    }
    if (tally.withoutUnit() > 0) {
      wrong.add(tally.withoutUnit() + " runs without a unit");
    }
    if (tally.duplicateIdentifiers() > 0) {
      wrong.add(tally.duplicateIdentifiers() + " identifiers owned by another unit");
    }
    if (tally.open() > 0) {
      wrong.add(tally.open() + " runs never ended");
    }
    if (tally.stepResults() != expected * settings.steps()) {
      wrong.add(tally.stepResults() + " of " + expected * settings.steps() + " step results");
    }
    if (station.figures().notRecorded() > 0) {
      wrong.add(station.figures().notRecorded() + " runs not recorded");
    }
    if (station.figures().passed() != expected) {
      wrong.add(station.figures().passed() + " of " + expected + " passed");
    }
    return wrong.isEmpty() ? "ok" : String.join(", ", wrong);
  }

  private static void latencies(Map<String, Object> figures, long[] sorted) {
    figures.put("commit_p50_ms", round(Percentile.nearestRank(sorted, 0.50) / 1e3, 3));
    figures.put("commit_p99_ms", round(Percentile.nearestRank(sorted, 0.99) / 1e3, 3));
    figures.put(
        "commit_max_ms", round(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e3, 3));
    figures.put("commits_timed", sorted.length);
  }

  private static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1e3);
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
