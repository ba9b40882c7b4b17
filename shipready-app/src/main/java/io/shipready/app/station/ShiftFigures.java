package io.shipready.app.station;

import io.shipready.app.report.Histogram;
import io.shipready.app.report.NumericLimits;
import io.shipready.core.event.Event;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import io.shipready.core.spi.EventListener;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shift's figures, from the station's events: units and runs, first-pass yield (units whose
 * first run at this station passed), units per hour, which steps fail most (a Pareto), and the
 * spread of each numeric measurement against its limits.
 */
public final class ShiftFigures implements EventListener {
  /** Values kept per measurement for its histogram; older ones drop out. */
  static final int KEPT_VALUES = 10_000;

  private final Map<Integer, Outcome> firstOutcome = new HashMap<>();
  private final Map<Outcome, Integer> runsByOutcome = new HashMap<>();
  private final Map<String, Integer> failuresByStep = new HashMap<>();
  private final Map<String, Spread> spreads = new LinkedHashMap<>();
  private Instant shiftStart;
  private Instant lastEnd;
  private long version;

  @Override
  public synchronized void on(Event event) {
    if (event instanceof Event.RunStarted started) {
      if (shiftStart == null) {
        shiftStart = started.at();
      }
    } else if (event instanceof Event.RunFinished finished) {
      firstOutcome.putIfAbsent(finished.unitNumber(), finished.outcome());
      runsByOutcome.merge(finished.outcome(), 1, Integer::sum);
      if ((finished.outcome() == Outcome.FAIL || finished.outcome() == Outcome.ERROR)
          && !finished.failedStep().isEmpty()) {
        failuresByStep.merge(finished.failedStep(), 1, Integer::sum);
      }
      lastEnd = finished.at();
      version++;
    } else if (event instanceof Event.MeasurementTaken taken
        && taken.measurement().value() instanceof Number number) {
      Measurement m = taken.measurement();
      spreads.computeIfAbsent(m.name(), name -> Spread.of(m)).add(number.doubleValue());
      version++;
    }
  }

  /** Grows with every change, so a display can skip redrawing when nothing changed. */
  public synchronized long version() {
    return version;
  }

  /** Units whose first run passed, out of units that ran. */
  public synchronized double firstPassYield() {
    return firstOutcome.isEmpty()
        ? 0
        : (double) firstOutcome.values().stream().filter(o -> o == Outcome.PASS).count()
            / firstOutcome.size();
  }

  public synchronized Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    int runs = runsByOutcome.values().stream().mapToInt(Integer::intValue).sum();
    view.put("units", firstOutcome.size());
    view.put("runs", runs);
    for (Outcome outcome : Outcome.values()) {
      view.put(
          outcome.name().toLowerCase(java.util.Locale.ROOT),
          runsByOutcome.getOrDefault(outcome, 0));
    }
    view.put("firstPassYield", firstPassYield());
    double hours =
        shiftStart == null || lastEnd == null
            ? 0
            : java.time.Duration.between(shiftStart, lastEnd).toMillis() / 3.6e6;
    view.put("unitsPerHour", hours <= 0 ? 0 : runs / hours);
    view.put("shiftStart", shiftStart == null ? 0 : shiftStart.toEpochMilli());
    List<Map<String, Object>> pareto = new ArrayList<>();
    failuresByStep.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> pareto.add(Map.of("step", e.getKey(), "count", e.getValue())));
    view.put("pareto", pareto);
    Map<String, Object> histograms = new LinkedHashMap<>();
    spreads.forEach((name, spread) -> histograms.put(name, spread.view()));
    view.put("measurements", histograms);
    return view;
  }

  /** The values of one measurement and its limits. */
  private static final class Spread {
    final String units;
    final NumericLimits limits;
    final Deque<Double> values = new ArrayDeque<>();
    long count;

    Spread(String units, NumericLimits limits) {
      this.units = units;
      this.limits = limits;
    }

    static Spread of(Measurement m) {
      return new Spread(m.units(), NumericLimits.of(m.limits()));
    }

    void add(double value) {
      count++;
      values.addLast(value);
      if (values.size() > KEPT_VALUES) {
        values.removeFirst();
      }
    }

    Map<String, Object> view() {
      Histogram histogram = Histogram.of(values, limits);
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("units", units);
      view.put("low", limits.low());
      view.put("high", limits.high());
      view.put("count", count);
      view.put("outside", histogram.outside());
      view.put("from", histogram.from());
      view.put("width", histogram.width());
      view.put("bins", histogram.bins());
      return view;
    }
  }
}
