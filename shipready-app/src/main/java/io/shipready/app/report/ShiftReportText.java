package io.shipready.app.report;

import io.shipready.store.report.ShiftReport;
import io.shipready.store.report.ShiftReport.Failures;
import io.shipready.store.report.ShiftReport.MeasurementValues;
import io.shipready.store.report.ShiftReport.StationYield;
import io.shipready.store.report.ShiftReport.StepYield;
import java.io.PrintWriter;
import java.time.ZoneId;

/** The shift report as text for the terminal. */
public final class ShiftReportText {
  private final ShiftReport report;
  private final ZoneId zone;

  public ShiftReportText(ShiftReport report, ZoneId zone) {
    this.report = report;
    this.zone = zone;
  }

  public void print(PrintWriter out) {
    out.println(
        "Shift report, "
            + ReportSections.scope(report)
            + ", runs ended since "
            + ReportSections.when(report.since(), zone));
    if (report.empty()) {
      out.println(
          "  no run ended in that time; an earlier --since (e.g. --since 7d) reaches back further");
      out.flush();
      return;
    }
    out.println(
        "  first run started "
            + ReportSections.when(report.firstStart(), zone)
            + ", last ended "
            + ReportSections.when(report.lastEnd(), zone));
    if (ReportSections.anySimulated(report)) {
      out.println(
          "  (simulated) marks stations that ran simulated units: their speed is the"
              + " simulator's, not the line's");
    }
    stations(out);
    steps(out);
    failures(out);
    measurements(out);
    retests(out);
    slowest(out);
    out.flush();
  }

  private void stations(PrintWriter out) {
    out.println();
    out.println("Stations");
    TextColumns table =
        new TextColumns(
            "station",
            "recipe",
            ">runs",
            ">units",
            ">pass",
            ">fail",
            ">error",
            ">aborted",
            ">first-pass yield",
            ">final yield",
            ">retests",
            ">units/h");
    for (StationYield s : report.stations()) {
      table.row(
          s.stationId(),
          s.recipe(),
          s.runs(),
          s.units(),
          s.pass(),
          s.fail(),
          s.error(),
          s.aborted(),
          Figures.percent(s.firstPassYield()),
          Figures.percent(s.finalYield()),
          s.retestRuns(),
          ReportSections.speed(s));
    }
    table.print(out, "  ");
  }

  private void steps(PrintWriter out) {
    out.println();
    out.println("Steps (yield: runs the step let through, of the runs that tried it)");
    String where = null;
    TextColumns table = null;
    for (StepYield s : report.steps()) {
      String here = s.stationId() + " · " + s.recipe();
      if (!here.equals(where)) {
        if (table != null) {
          table.print(out, "    ");
        }
        where = here;
        out.println("  " + here);
        table =
            new TextColumns(
                "step", "kind", ">runs", ">yield", ">first try", ">tries", ">mean time");
      }
      table.row(
          s.stepId(),
          s.kind(),
          s.runs(),
          Figures.percent(s.yield()),
          Figures.percent(s.runs() == 0 ? 0 : (double) s.passedFirstTry() / s.runs()),
          s.attempts(),
          Figures.time(s.meanTime()));
    }
    if (table != null) {
      table.print(out, "    ");
    }
  }

  private void failures(PrintWriter out) {
    out.println();
    if (report.failuresByStep().isEmpty()) {
      out.println("Failures: none (no run ended FAIL or ERROR)");
      return;
    }
    int total = ReportSections.total(report.failuresByStep());
    out.println("Failures by step (" + total + " runs ended FAIL or ERROR)");
    TextColumns byStep = new TextColumns(">runs", ">cumulative", "station", "recipe", "step");
    int cumulative = 0;
    for (Failures f : report.failuresByStep().stream().limit(ReportSections.FAILURES).toList()) {
      cumulative += f.runs();
      byStep.row(
          f.runs(),
          Figures.percent((double) cumulative / total),
          f.stationId(),
          f.recipe(),
          f.stepId());
    }
    byStep.print(out, "  ");
    out.println();
    out.println("Failures by symptom");
    TextColumns bySymptom = new TextColumns(">runs", "station", "recipe", "step", "symptom");
    for (Failures f : report.failuresBySymptom().stream().limit(ReportSections.FAILURES).toList()) {
      bySymptom.row(f.runs(), f.stationId(), f.recipe(), f.stepId(), f.symptom());
    }
    bySymptom.print(out, "  ");
  }

  private void measurements(PrintWriter out) {
    if (report.measurements().isEmpty()) {
      return;
    }
    out.println();
    out.println("Measurements against their limits");
    TextColumns table =
        new TextColumns(
            "station",
            "recipe",
            "step",
            "measurement",
            ">n",
            ">min",
            ">mean",
            ">max",
            ">std dev",
            ">Cpk",
            ">failed",
            "limits");
    for (MeasurementValues m : report.measurements()) {
      NumericLimits limits = NumericLimits.of(m.limits());
      MeasurementStats stats = MeasurementStats.of(m.values(), limits);
      table.row(
          m.stationId(),
          m.recipe(),
          m.stepId(),
          m.name() + (m.units().isEmpty() ? "" : " (" + m.units() + ")"),
          stats.count(),
          Figures.value(stats.min()),
          Figures.value(stats.mean()),
          Figures.value(stats.max()),
          Figures.spread(stats.stddev()),
          stats.cpk() == null ? "-" : Figures.value(Math.round(stats.cpk() * 100) / 100.0),
          m.failed(),
          String.join("; ", m.limits()));
    }
    table.print(out, "  ");
  }

  private void retests(PrintWriter out) {
    out.println();
    if (report.retests().isEmpty()) {
      out.println("Retests: none");
      return;
    }
    out.println("Units run more than once (" + report.retests().size() + ")");
    TextColumns table = new TextColumns("station", "recipe", "unit", "runs");
    report.retests().stream()
        .limit(ReportSections.RETESTS)
        .forEach(
            r ->
                table.row(
                    r.stationId(),
                    r.recipe(),
                    ReportSections.shortName(r.unit()),
                    String.join(" -> ", r.outcomes())));
    table.print(out, "  ");
    if (report.retests().size() > ReportSections.RETESTS) {
      out.println("  ... and " + (report.retests().size() - ReportSections.RETESTS) + " more");
    }
  }

  private void slowest(PrintWriter out) {
    out.println();
    out.println("Slowest steps (mean time of a try)");
    TextColumns table =
        new TextColumns("station", "recipe", "step", ">mean time", ">longest", ">tries");
    for (StepYield s : ReportSections.slowest(report)) {
      table.row(
          s.stationId(),
          s.recipe(),
          s.stepId(),
          Figures.time(s.meanTime()),
          Figures.time(s.maxTime()),
          s.attempts());
    }
    table.print(out, "  ");
  }
}
