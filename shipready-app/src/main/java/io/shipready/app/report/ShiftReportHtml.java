package io.shipready.app.report;

import static io.shipready.app.report.Html.escape;

import io.shipready.store.report.ShiftReport;
import io.shipready.store.report.ShiftReport.Failures;
import io.shipready.store.report.ShiftReport.MeasurementValues;
import io.shipready.store.report.ShiftReport.RetestedUnit;
import io.shipready.store.report.ShiftReport.StationYield;
import io.shipready.store.report.ShiftReport.StepYield;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shift report as one HTML file: its style and charts inline, nothing fetched from anywhere, so
 * it can be mailed, archived or opened on a computer with no network.
 */
public final class ShiftReportHtml {
  private static final String STYLE = style();
  private static final double LOW_YIELD = 0.9;

  private final ShiftReport report;
  private final ZoneId zone;
  private final Instant made;
  private final String records;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  /**
   * @param records where the records came from, as shown to people
   */
  public ShiftReportHtml(ShiftReport report, ZoneId zone, Instant made, String records) {
    this.report = report;
    this.zone = zone;
    this.made = made;
    this.records = records;
  }

  public String render() {
    html.setLength(0);
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Shift report — ")
        .append(escape(ReportSections.scope(report)))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    header();
    if (!report.empty()) {
      stations();
      failures();
      measurements();
      steps();
      slowest();
      retests();
    }
    html.append("<footer>Made ")
        .append(escape(ReportSections.when(made, zone)))
        .append(" by shipready report from ")
        .append(escape(records))
        .append(".</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private void header() {
    html.append("<h1>Shift report</h1>\n<p class=\"muted\">")
        .append(escape(ReportSections.scope(report)))
        .append(", runs that ended since ")
        .append(escape(ReportSections.when(report.since(), zone)));
    if (!report.empty()) {
      html.append(" — first started ")
          .append(escape(ReportSections.when(report.firstStart(), zone)))
          .append(", last ended ")
          .append(escape(ReportSections.when(report.lastEnd(), zone)));
    }
    html.append("</p>\n");
    if (report.empty()) {
      html.append(
          "<p class=\"note\">No run ended in that time. An earlier <code>--since</code> (for"
              + " example <code>--since 7d</code>) reaches back further.</p>\n");
    } else if (ReportSections.anySimulated(report)) {
      html.append(
          "<p class=\"note\">Stations marked <span class=\"tag sim\">simulated</span> ran"
              + " simulated units: their units per hour are the simulator's, not the line's.</p>\n");
    }
  }

  private void stations() {
    html.append("<h2>Stations</h2>\n<div class=\"cards\">\n");
    for (StationYield s : report.stations()) {
      html.append("<div class=\"card\" data-station=\"")
          .append(escape(s.stationId()))
          .append("\"><div class=\"name\">")
          .append(escape(s.stationId()))
          .append(s.simulated() ? " <span class=\"tag sim\">simulated</span>" : "")
          .append("</div><div class=\"recipes\">")
          .append(escape(s.recipe()))
          .append("</div><div class=\"big\">")
          .append(big(Figures.percent(s.firstPassYield()), "first-pass yield"))
          .append(big(Figures.percent(s.finalYield()), "final yield"))
          .append(big(Figures.perHour(s.unitsPerHour()), "units / hour"))
          .append("</div><div class=\"counts\">")
          .append("<span>")
          .append(s.units())
          .append(" units, ")
          .append(s.runs())
          .append(" runs</span>")
          .append(count("pass", s.pass(), "PASS"))
          .append(count("fail", s.fail(), "FAIL"))
          .append(count("error", s.error(), "ERROR"))
          .append(count("aborted", s.aborted(), "ABORTED"))
          .append("<span>")
          .append(s.retestRuns())
          .append(" retests</span></div></div>\n");
    }
    html.append("</div>\n");
  }

  private static String big(String value, String label) {
    return "<div><b>" + escape(value) + "</b><span>" + escape(label) + "</span></div>";
  }

  private static String count(String css, int n, String label) {
    return "<span class=\"" + css + "\">" + n + " " + label + "</span>";
  }

  private void failures() {
    html.append("<h2>Failures</h2>\n");
    if (report.failuresByStep().isEmpty()) {
      html.append("<p>No run ended FAIL or ERROR.</p>\n");
      return;
    }
    List<Failures> top = report.failuresByStep().stream().limit(ReportSections.FAILURES).toList();
    List<String> labels = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (Failures f : top) {
      labels.add(f.stationId() + " · " + f.stepId());
      counts.add(f.runs());
    }
    html.append("<figure><figcaption>By step <span class=\"muted\">")
        .append(ReportSections.total(report.failuresByStep()))
        .append(" runs ended FAIL or ERROR; most first, with the running share</span>")
        .append("</figcaption>")
        .append(Svg.pareto(labels, counts))
        .append("</figure>\n<h3>By symptom</h3>\n<table class=\"symptoms\"><thead><tr>")
        .append("<th class=\"n\">runs</th><th>station</th><th>recipe</th><th>step</th>")
        .append("<th>symptom</th>")
        .append("<th>one message as recorded</th></tr></thead><tbody>\n");
    for (Failures f : report.failuresBySymptom().stream().limit(ReportSections.FAILURES).toList()) {
      html.append("<tr><td class=\"n\">")
          .append(f.runs())
          .append("</td><td>")
          .append(escape(f.stationId()))
          .append("</td><td class=\"muted\">")
          .append(escape(f.recipe()))
          .append("</td><td>")
          .append(escape(f.stepId()))
          .append("</td><td>")
          .append(escape(f.symptom()))
          .append("</td><td class=\"muted\">")
          .append(escape(f.example()))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private void measurements() {
    if (report.measurements().isEmpty()) {
      return;
    }
    html.append("<h2>Measurements against their limits</h2>\n<div class=\"charts\">\n");
    for (MeasurementValues m : report.measurements()) {
      NumericLimits limits = NumericLimits.of(m.limits());
      MeasurementStats stats = MeasurementStats.of(m.values(), limits);
      String label =
          m.stationId()
              + " "
              + m.stepId()
              + " "
              + m.name()
              + (m.units().isEmpty() ? "" : " (" + m.units() + ")");
      html.append("<figure class=\"measurement\"><figcaption>")
          .append(escape(m.name()))
          .append(
              m.units().isEmpty()
                  ? ""
                  : " <span class=\"tag unit\">" + escape(m.units()) + "</span>")
          .append("<span class=\"muted\">")
          .append(escape(m.stationId() + " · " + m.recipe() + " · " + m.stepId()))
          .append(" — limits ")
          .append(escape(m.limits().isEmpty() ? "none" : String.join("; ", m.limits())))
          .append("</span></figcaption>")
          .append(Svg.histogram(Histogram.of(m.values(), limits), label))
          .append("<div class=\"stats\">")
          .append(stat("n", Integer.toString(stats.count())))
          .append(stat("mean", Figures.value(stats.mean())))
          .append(stat("σ", Figures.spread(stats.stddev())))
          .append(stat("min", Figures.value(stats.min())))
          .append(stat("max", Figures.value(stats.max())))
          .append(
              stat(
                  "Cpk",
                  stats.cpk() == null ? "–" : String.format(Locale.ROOT, "%.2f", stats.cpk())))
          .append(
              m.failed() == 0
                  ? "<span>all within limits</span>"
                  : "<span class=\"fail\"><b>" + m.failed() + "</b> failed their limits</span>")
          .append("</div></figure>\n");
    }
    html.append("</div>\n");
  }

  private static String stat(String name, String value) {
    return "<span>" + escape(name) + " <b>" + escape(value) + "</b></span> &nbsp; ";
  }

  private void steps() {
    html.append(
            "<h2>Steps</h2>\n<p class=\"muted\">Yield: the runs a step let through, of the runs")
        .append(" that tried it. First try: the runs whose first try passed.</p>\n")
        .append("<table class=\"steps\"><thead><tr><th>step</th><th>kind</th>")
        .append("<th class=\"n\">runs</th><th class=\"n\">yield</th>")
        .append("<th class=\"n\">first try</th><th class=\"n\">tries</th>")
        .append("<th class=\"n\">mean time</th><th class=\"n\">longest</th></tr></thead><tbody>\n");
    String where = null;
    for (StepYield s : report.steps()) {
      String here = s.stationId() + " · " + s.recipe();
      if (!here.equals(where)) {
        where = here;
        html.append("<tr class=\"group\"><td colspan=\"8\">")
            .append(escape(here))
            .append("</td></tr>\n");
      }
      double firstTry = s.runs() == 0 ? 0 : (double) s.passedFirstTry() / s.runs();
      html.append("<tr><td>")
          .append(escape(s.stepId()))
          .append("</td><td class=\"muted\">")
          .append(escape(s.kind()))
          .append("</td><td class=\"n\">")
          .append(s.runs())
          .append("</td><td class=\"n\">")
          .append(Figures.percent(s.yield()))
          .append(meter(s.yield(), s.yield() < LOW_YIELD ? "low" : ""))
          .append("</td><td class=\"n\">")
          .append(Figures.percent(firstTry))
          .append("</td><td class=\"n\">")
          .append(s.attempts())
          .append("</td><td class=\"n\">")
          .append(Figures.time(s.meanTime()))
          .append("</td><td class=\"n\">")
          .append(Figures.time(s.maxTime()))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private void slowest() {
    List<StepYield> slowest = ReportSections.slowest(report);
    if (slowest.isEmpty()) {
      return;
    }
    Duration longest = slowest.get(0).meanTime();
    html.append("<h2>Slowest steps</h2>\n<table class=\"slowest\"><thead><tr><th>station</th>")
        .append("<th>recipe</th><th>step</th><th class=\"n\">mean time of a try</th>")
        .append("<th class=\"n\">longest</th><th class=\"n\">tries</th></tr></thead><tbody>\n");
    for (StepYield s : slowest) {
      double share = longest.isZero() ? 0 : (double) s.meanTime().toNanos() / longest.toNanos();
      html.append("<tr><td>")
          .append(escape(s.stationId()))
          .append("</td><td class=\"muted\">")
          .append(escape(s.recipe()))
          .append("</td><td>")
          .append(escape(s.stepId()))
          .append("</td><td class=\"n\">")
          .append(Figures.time(s.meanTime()))
          .append(meter(share, "time"))
          .append("</td><td class=\"n\">")
          .append(Figures.time(s.maxTime()))
          .append("</td><td class=\"n\">")
          .append(s.attempts())
          .append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private void retests() {
    html.append("<h2>Retests</h2>\n");
    if (report.retests().isEmpty()) {
      html.append("<p>No unit ran more than once.</p>\n");
      return;
    }
    html.append("<table class=\"retests\"><thead><tr><th>station</th><th>recipe</th>")
        .append("<th>unit</th>")
        .append("<th>runs, oldest first</th></tr></thead><tbody>\n");
    for (RetestedUnit r : report.retests().stream().limit(ReportSections.RETESTS).toList()) {
      html.append("<tr><td>")
          .append(escape(r.stationId()))
          .append("</td><td class=\"muted\">")
          .append(escape(r.recipe()))
          .append("</td><td title=\"")
          .append(escape(r.unit()))
          .append("\">")
          .append(escape(ReportSections.shortName(r.unit())))
          .append("</td><td class=\"outcomes\">");
      for (String outcome : r.outcomes()) {
        html.append("<span class=\"")
            .append(escape(outcome.toLowerCase(Locale.ROOT)))
            .append("\">")
            .append(escape(outcome))
            .append("</span>");
      }
      html.append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
    if (report.retests().size() > ReportSections.RETESTS) {
      html.append("<p class=\"muted\">… and ")
          .append(report.retests().size() - ReportSections.RETESTS)
          .append(" more units.</p>\n");
    }
  }

  private static String meter(double share, String css) {
    return String.format(
        Locale.ROOT,
        "<span class=\"meter %s\"><i style=\"width:%.0f%%\"></i></span>",
        css,
        Math.max(0, Math.min(1, share)) * 100);
  }

  private static String style() {
    try (InputStream in = ShiftReportHtml.class.getResourceAsStream("shift-report.css")) {
      if (in == null) {
        throw new IllegalStateException("shift-report.css is missing from the application");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
