package io.shipready.app.console;

import io.shipready.core.engine.StationReport;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.Secrets;
import io.shipready.device.sim.FaultPlanner.PlannedFault;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-of-batch summary: counts, first-pass yield, units per hour, every unit that did not pass
 * with its step and message, and for a simulated batch whether each planned fault showed where it
 * should.
 */
public final class RunSummary {
  private final String recipe;
  private final int slots;
  private final StationReport report;
  private final Map<Integer, PlannedFault> faults;
  private final boolean simulated;

  /**
   * @param simulated whether the units were simulated: their steps take simulated (usually
   *     shortened) time, so their rate says nothing about a real line's
   */
  public RunSummary(
      String recipe,
      int slots,
      StationReport report,
      Map<Integer, PlannedFault> faults,
      boolean simulated) {
    this.recipe = recipe;
    this.slots = slots;
    this.report = report;
    this.faults = faults;
    this.simulated = simulated;
  }

  /** Planned faults that did not end their unit where and how they should have. */
  public List<String> faultsAstray() {
    List<String> astray = new ArrayList<>();
    for (RunResult run : report.runs()) {
      PlannedFault planned = faults.get(run.unitNumber());
      if (planned == null) {
        if (run.outcome() != Outcome.PASS) {
          astray.add("unit " + run.unitNumber() + " had no fault but ended " + run.outcome());
        }
      } else if (run.outcome() != planned.opportunity().expected()
          || !run.failedStep().equals(planned.opportunity().stepId())) {
        astray.add(
            "unit "
                + run.unitNumber()
                + " should have ended "
                + planned.opportunity().expected()
                + " at "
                + planned.opportunity().stepId()
                + " but ended "
                + run.outcome()
                + (run.failedStep().isEmpty() ? "" : " at " + run.failedStep()));
      }
    }
    return astray;
  }

  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%n%s: %d units on %d slots in %.1f s%n",
        recipe,
        report.runs().size(),
        slots,
        report.wallTime().toNanos() / 1e9);
    out.printf(
        Locale.ROOT,
        "  PASS %d   FAIL %d   ERROR %d   ABORTED %d%n",
        report.count(Outcome.PASS),
        report.count(Outcome.FAIL),
        report.count(Outcome.ERROR),
        report.count(Outcome.ABORTED));
    out.printf(
        Locale.ROOT,
        "  first-pass yield %.1f %%   units per hour %.0f%s%n",
        report.firstPassYield() * 100,
        report.unitsPerHour(),
        simulated ? " (simulated time)" : "");
    List<RunResult> notPassed = notPassed();
    if (!notPassed.isEmpty()) {
      out.println("  not passed:");
      for (RunResult run : notPassed) {
        out.printf(
            Locale.ROOT,
            "    unit %-4d slot %-4s %-26s %-7s at %s: %s%n",
            run.unitNumber(),
            run.slot(),
            run.unitName(),
            run.outcome(),
            run.failedStep().isEmpty() ? "-" : run.failedStep(),
            run.message());
      }
    }
    if (!faults.isEmpty()) {
      List<String> astray = faultsAstray();
      out.printf(
          Locale.ROOT,
          "  injected faults: %d; %s%n",
          faults.size(),
          astray.isEmpty() ? "each showed at its planned step, and no other unit failed" : "");
      faults.values().stream()
          .sorted(Comparator.comparingInt(PlannedFault::unitNumber))
          .forEach(
              f ->
                  out.printf(
                      Locale.ROOT,
                      "    unit %-4d %s -> expected %s at %s%n",
                      f.unitNumber(),
                      f.opportunity().description(),
                      f.opportunity().expected(),
                      f.opportunity().stepId()));
      astray.forEach(line -> out.println("  ASTRAY: " + line));
    }
    if (!report.stationError().isEmpty()) {
      out.println("  station: " + report.stationError());
    }
    printNotRecorded(out);
    out.flush();
  }

  /**
   * Last, so it cannot be missed: the runs whose record could not be stored. Their outcomes (even
   * PASS) must not be trusted; those units run again once the store takes records.
   */
  private void printNotRecorded(PrintWriter out) {
    List<RunResult> lost = report.runs().stream().filter(RunResult::notRecorded).toList();
    if (lost.isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "  NOT RECORDED %d of %d units (PASS %d   FAIL %d   ERROR %d   ABORTED %d): their records"
            + " could not be stored; do not ship them on these outcomes, fix the store and run"
            + " them again%n",
        lost.size(),
        report.runs().size(),
        lost.stream().filter(run -> run.outcome() == Outcome.PASS).count(),
        lost.stream().filter(run -> run.outcome() == Outcome.FAIL).count(),
        lost.stream().filter(run -> run.outcome() == Outcome.ERROR).count(),
        lost.stream().filter(run -> run.outcome() == Outcome.ABORTED).count());
    lost.stream()
        .sorted(Comparator.comparingInt(RunResult::unitNumber))
        .forEach(
            run ->
                out.printf(
                    Locale.ROOT,
                    "    NOT RECORDED unit %-4d slot %-4s %-26s %-7s run %s%n",
                    run.unitNumber(),
                    run.slot(),
                    run.unitName(),
                    run.outcome(),
                    run.runId()));
  }

  /** The summary as plain data, for --json. */
  public Map<String, Object> asData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("recipe", recipe);
    data.put("slots", slots);
    data.put("units", report.runs().size());
    for (Outcome outcome : Outcome.values()) {
      data.put(outcome.name().toLowerCase(Locale.ROOT), report.count(outcome));
    }
    data.put("not_recorded", report.notRecorded());
    data.put("first_pass_yield", report.firstPassYield());
    data.put("units_per_hour", Math.round(report.unitsPerHour()));
    data.put("simulated_time", simulated);
    data.put("wall_s", report.wallTime().toNanos() / 1e9);
    data.put("station_error", report.stationError());
    List<Map<String, Object>> runs = new ArrayList<>();
    for (RunResult run :
        report.runs().stream().sorted(Comparator.comparingInt(RunResult::unitNumber)).toList()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("unit", run.unitNumber());
      entry.put("slot", run.slot());
      entry.put("run_id", run.runId());
      entry.put("outcome", run.outcome().name());
      entry.put("recorded", !run.notRecorded());
      entry.put("failed_step", run.failedStep());
      entry.put("message", run.message());
      Map<String, String> ids = new LinkedHashMap<>();
      for (Identifier id : run.identifiers()) {
        ids.putIfAbsent(id.kind(), Secrets.shown(id.kind(), id.value()));
      }
      entry.put("identifiers", ids);
      entry.put("duration_s", run.duration().toNanos() / 1e9);
      runs.add(entry);
    }
    data.put("runs", runs);
    List<Map<String, Object>> planned = new ArrayList<>();
    faults.values().stream()
        .sorted(Comparator.comparingInt(PlannedFault::unitNumber))
        .forEach(
            f -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("unit", f.unitNumber());
              entry.put("step", f.opportunity().stepId());
              entry.put("fault", f.opportunity().description());
              entry.put("expected", f.opportunity().expected().name());
              planned.add(entry);
            });
    data.put("injected_faults", planned);
    data.put("faults_astray", faultsAstray());
    return data;
  }

  private List<RunResult> notPassed() {
    return report.runs().stream()
        .filter(run -> run.outcome() != Outcome.PASS)
        .sorted(Comparator.comparingInt(RunResult::unitNumber))
        .toList();
  }
}
