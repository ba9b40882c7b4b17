package io.shipready.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.core.Spread;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How {@code shipready bench engine} shows its figures: as text, or as one JSON object. */
public final class EngineReport {
  private EngineReport() {}

  /** Flat snake_case figures; medians carry no suffix, their spread _min and _max. */
  public static Map<String, Object> figures(EngineBenchmark.Result result) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("slots", result.slots());
    figures.put("steps", result.steps());
    figures.put("step_ms", result.stepMs());
    figures.put("rounds", result.rounds().size());
    figures.put("store", result.store());
    figures.put("devices", result.devices());
    figures.put("ideal_s", round(result.idealSeconds(), 4));
    spread(figures, "wall_s", result.wallSeconds(), 4);
    figures.put("efficiency", round(result.efficiency(), 4));
    spread(figures, "baseline_wall_s", result.baselineSeconds(), 4);
    figures.put("baseline_efficiency", round(result.baselineEfficiency(), 4));
    figures.put("of_baseline", round(result.ofBaseline(), 4));
    spread(figures, "start_skew_median_ms", result.skewMedianMillis(), 2);
    figures.put("start_skew_max_ms", round(result.skewMaxMillis(), 2));
    spread(figures, "first_start_ms", result.firstStartMillis(), 2);
    spread(figures, "overhead_us_per_step", result.overheadMicrosPerStep(), 2);
    figures.put("step_overshoot_us", round(result.stepOvershootMicros().median(), 2));
    figures.put("events", result.rounds().get(result.rounds().size() - 1).events());
    figures.put("units_passed", result.unitsPassed());
    figures.put("units_not_recorded", result.notRecorded());
    return figures;
  }

  public static String json(EngineBenchmark.Result result) throws JsonProcessingException {
    return new ObjectMapper().writeValueAsString(figures(result));
  }

  public static String text(EngineBenchmark.Result result) {
    return String.format(
        Locale.ROOT,
        "engine: %d slots x %d steps x %.1f ms, %s, records: %s%n"
            + "  wall           %.3f s median of %d rounds (min %.3f, max %.3f)%n"
            + "  ideal          %.3f s%n"
            + "  efficiency     %.3f (ideal / median wall)%n"
            + "  bare threads   %.3f s median (min %.3f, max %.3f), efficiency %.3f;"
            + " station at %.3f of it%n"
            + "  start skew     %.1f ms median, %.1f ms max (each unit's first step after the"
            + " first unit's)%n"
            + "  first start    %.1f ms median (the first unit's first step after the batch was"
            + " started)%n"
            + "  overhead       %.1f us per step (engine time between a unit's steps)%n"
            + "  step overshoot %.1f us per step (sleep precision of this machine)%n"
            + "  units passed   %d of %d per round; not recorded %d%n",
        result.slots(),
        result.steps(),
        result.stepMs(),
        result.devices(),
        result.store(),
        result.wallSeconds().median(),
        result.rounds().size(),
        result.wallSeconds().min(),
        result.wallSeconds().max(),
        result.idealSeconds(),
        result.efficiency(),
        result.baselineSeconds().median(),
        result.baselineSeconds().min(),
        result.baselineSeconds().max(),
        result.baselineEfficiency(),
        result.ofBaseline(),
        result.skewMedianMillis().median(),
        result.skewMaxMillis(),
        result.firstStartMillis().median(),
        result.overheadMicrosPerStep().median(),
        result.stepOvershootMicros().median(),
        result.unitsPassed(),
        result.slots(),
        result.notRecorded());
  }

  private static void spread(Map<String, Object> figures, String name, Spread spread, int places) {
    figures.put(name, round(spread.median(), places));
    figures.put(name + "_min", round(spread.min(), places));
    figures.put(name + "_max", round(spread.max(), places));
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
