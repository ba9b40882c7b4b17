package io.shipready.app.report;

import io.shipready.store.report.ShiftReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/** What both renderings of a shift report pick out of it, so the text and the page agree. */
final class ReportSections {
  static final int SLOWEST = 10;
  static final int FAILURES = 15;
  static final int RETESTS = 30;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private ReportSections() {}

  /** The steps whose tries took longest on average, longest first. */
  static List<ShiftReport.StepYield> slowest(ShiftReport report) {
    return report.steps().stream()
        .sorted(
            Comparator.comparing(ShiftReport.StepYield::meanTime)
                .reversed()
                .thenComparing(ShiftReport.StepYield::stationId)
                .thenComparing(ShiftReport.StepYield::recipe)
                .thenComparing(ShiftReport.StepYield::stepId))
        .limit(SLOWEST)
        .toList();
  }

  /** A unit's name short enough for a table: a long key is cut in the middle. */
  static String shortName(String unit) {
    return unit.length() <= 32
        ? unit
        : unit.substring(0, 14) + "…" + unit.substring(unit.length() - 14);
  }

  static boolean anySimulated(ShiftReport report) {
    return report.stations().stream().anyMatch(ShiftReport.StationYield::simulated);
  }

  static String when(Instant instant, ZoneId zone) {
    return instant == null ? "-" : WHEN.format(instant.atZone(zone));
  }

  /** Whom the report is about: one station, or every station. */
  static String scope(ShiftReport report) {
    return report.station().isEmpty() ? "every station" : "station " + report.station();
  }

  /** Units per hour, saying when the time was the simulator's. */
  static String speed(ShiftReport.StationYield station) {
    return Figures.perHour(station.unitsPerHour()) + (station.simulated() ? " (simulated)" : "");
  }

  static int total(List<ShiftReport.Failures> failures) {
    return failures.stream().mapToInt(ShiftReport.Failures::runs).sum();
  }
}
