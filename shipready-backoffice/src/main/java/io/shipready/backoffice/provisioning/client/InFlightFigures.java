package io.shipready.backoffice.provisioning.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The in-flight limits a run's answers came back under, counted per answer: where it settled and
 * how far it moved.
 *
 * @param found whether the limit was found from the answers (false: fixed by {@code --concurrency})
 * @param median the limit half the answers came back under or below
 * @param p5 the 5th percentile (the ramp from the start and the cuts after 429s are below it)
 * @param p95 the 95th percentile
 * @param lowest the lowest limit any answer came back under
 * @param highest the highest
 */
public record InFlightFigures(boolean found, int median, int p5, int p95, int lowest, int highest) {

  /** For the summary line, e.g. {@code in flight: found 34 (5-95%: 28-41, 4-45)}. */
  public String describe() {
    if (!found) {
      return "in flight: fixed " + median;
    }
    return String.format(
        Locale.ROOT,
        "in flight: found %d (5-95%%: %d-%d; all %d-%d)",
        median,
        p5,
        p95,
        lowest,
        highest);
  }

  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("found", found);
    map.put("median", median);
    map.put("p5", p5);
    map.put("p95", p95);
    map.put("lowest", lowest);
    map.put("highest", highest);
    return map;
  }
}
