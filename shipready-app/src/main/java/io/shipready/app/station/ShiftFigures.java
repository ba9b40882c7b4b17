package io.shipready.app.station;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shift's figures, from the station's events: units and runs, first-pass yield (units whose
 * first run at this station passed), units per hour, which steps fail most (a Pareto), and the
 * spread of each numeric measurement against its limits.
 */
public final class ShiftFigures implements EventListener {
  /** Values kept per measurement for its histogram; older ones drop out. */
  static final int KEPT_VALUES = 10_000;

  static final int BINS = 20;
  private static final Pattern BETWEEN =
      Pattern.compile("\\s*(-?[0-9.eE+-]+)\\s*<=\\s*x\\s*<=\\s*(-?[0-9.eE+-]+)\\s*");
  private static final Pattern AT_LEAST = Pattern.compile("\\s*x\\s*>=\\s*(-?[0-9.eE+-]+)\\s*");
  private static final Pattern AT_MOST = Pattern.compile("\\s*x\\s*<=\\s*(-?[0-9.eE+-]+)\\s*");

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
    final Double low;
    final Double high;
    final Deque<Double> values = new ArrayDeque<>();
    long count;

    Spread(String units, Double low, Double high) {
      this.units = units;
      this.low = low;
      this.high = high;
    }

    static Spread of(Measurement m) {
      Double low = null;
      Double high = null;
      for (String limit : m.limits()) {
        Matcher between = BETWEEN.matcher(limit);
        Matcher atLeast = AT_LEAST.matcher(limit);
        Matcher atMost = AT_MOST.matcher(limit);
        try {
          if (between.matches()) {
            low = Double.valueOf(between.group(1));
            high = Double.valueOf(between.group(2));
          } else if (atLeast.matches()) {
            low = Double.valueOf(atLeast.group(1));
          } else if (atMost.matches()) {
            high = Double.valueOf(atMost.group(1));
          }
        } catch (NumberFormatException notANumber) {
          // A limit that is not a number range (equals, regex, one-of) draws no line.
        }
      }
      return new Spread(m.units(), low, high);
    }

    void add(double value) {
      count++;
      values.addLast(value);
      if (values.size() > KEPT_VALUES) {
        values.removeFirst();
      }
    }

    Map<String, Object> view() {
      double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double from = low == null ? min : Math.min(min, low);
      double to = high == null ? max : Math.max(max, high);
      double span = to - from;
      // Room either side of the limits, so values on a limit are visible.
      double pad = span == 0 ? Math.max(Math.abs(from) * 0.05, 1) : span * 0.1;
      from -= pad;
      to += pad;
      double width = (to - from) / BINS;
      int[] bins = new int[BINS];
      int outside = 0;
      for (double value : values) {
        bins[Math.min(BINS - 1, Math.max(0, (int) ((value - from) / width)))]++;
        if ((low != null && value < low) || (high != null && value > high)) {
          outside++;
        }
      }
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("units", units);
      view.put("low", low);
      view.put("high", high);
      view.put("count", count);
      view.put("outside", outside);
      view.put("from", from);
      view.put("width", width);
      view.put("bins", bins);
      return view;
    }
  }
}
