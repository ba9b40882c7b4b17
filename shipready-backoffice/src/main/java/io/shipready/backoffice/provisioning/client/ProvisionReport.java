package io.shipready.backoffice.provisioning.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of a run: each unit's state and the run's figures.
 *
 * @param units each unit's result, in the order of the CSV
 * @param requests HTTP requests sent, retries and 429s included
 * @param throttled requests refused with 429
 * @param retries requests sent again (after a 429, a network error or a 5xx)
 * @param elapsed wall time
 * @param inFlight the in-flight limits the answers came back under
 * @param stoppedBecause why the run stopped early, or null
 */
public record ProvisionReport(
    List<UnitResult> units,
    long requests,
    long throttled,
    long retries,
    Duration elapsed,
    InFlightFigures inFlight,
    String stoppedBecause) {
  public ProvisionReport {
    units = List.copyOf(units);
  }

  public long count(UnitResult.State state) {
    return units.stream().filter(u -> u.state() == state).count();
  }

  /** Whether every unit is done. */
  public boolean clean() {
    return count(UnitResult.State.DONE) == units.size();
  }

  /** One line per unit, then a summary. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-5s %-24s %-16s %-13s %s%n",
            "line",
            "device_id",
            "serial",
            "state",
            "operations / reason"));
    for (UnitResult unit : units) {
      String detail;
      if (unit.state() == UnitResult.State.DONE) {
        detail = String.join(" ", unit.done());
        if (!unit.skipped().isEmpty()) {
          detail +=
              (detail.isEmpty() ? "" : "; ") + "already done: " + String.join(" ", unit.skipped());
        }
      } else {
        detail = unit.failedStep() + ": " + unit.message();
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%-5d %-24s %-16s %-13s %s%n",
              unit.unit().line(),
              unit.unit().deviceId(),
              unit.unit().serial() == null ? "-" : unit.unit().serial(),
              unit.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
              detail));
    }
    out.append(summary());
    return out.toString();
  }

  public String summary() {
    return String.format(
        Locale.ROOT,
        "%d units: %d done, %d failed, %d not attempted; %d requests (%d retried, %d refused with"
            + " 429) in %.1f s; %s%s",
        units.size(),
        count(UnitResult.State.DONE),
        count(UnitResult.State.FAILED),
        count(UnitResult.State.NOT_ATTEMPTED),
        requests,
        retries,
        throttled,
        elapsed.toMillis() / 1000.0,
        inFlight.describe(),
        stoppedBecause == null ? "" : "\nrun stopped: " + stoppedBecause);
  }

  /** The report as plain maps, for JSON. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("units", units.size());
    map.put("done", count(UnitResult.State.DONE));
    map.put("failed", count(UnitResult.State.FAILED));
    map.put("not_attempted", count(UnitResult.State.NOT_ATTEMPTED));
    map.put("requests", requests);
    map.put("retries", retries);
    map.put("throttled", throttled);
    map.put("elapsed_s", elapsed.toMillis() / 1000.0);
    map.put("in_flight", inFlight.asMap());
    map.put("stopped_because", stoppedBecause);
    map.put(
        "results",
        units.stream()
            .map(
                unit -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("line", unit.unit().line());
                  row.put("device_id", unit.unit().deviceId());
                  row.put("serial", unit.unit().serial());
                  row.put("state", unit.state().name().toLowerCase(Locale.ROOT));
                  row.put("done", unit.done());
                  row.put("already_done", unit.skipped());
                  row.put("failed_operation", unit.failedStep());
                  row.put("message", unit.message());
                  return row;
                })
            .toList());
    return map;
  }
}
