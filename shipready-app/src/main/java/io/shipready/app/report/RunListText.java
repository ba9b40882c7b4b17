package io.shipready.app.report;

import io.shipready.core.model.Identifier;
import io.shipready.store.report.RunListing;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** A list of runs as a table for the terminal, newest first. */
public final class RunListText {
  private static final int MESSAGE = 70;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final List<RunListing> runs;
  private final ZoneId zone;

  public RunListText(List<RunListing> runs, ZoneId zone) {
    this.runs = List.copyOf(runs);
    this.zone = zone;
  }

  /**
   * @param records where the runs were read from, named when none matched
   */
  public void print(PrintWriter out, String records) {
    if (runs.isEmpty()) {
      out.println(
          "no run in " + records + " matches; fewer filters or an earlier --since find more");
      return;
    }
    TextColumns table =
        new TextColumns(
            "started",
            "station",
            "slot",
            "outcome",
            "stopped at",
            "unit",
            "other identifiers",
            "why");
    for (RunListing run : runs) {
      table.row(
          WHEN.format(run.started().atZone(zone)),
          run.stationId(),
          run.slot(),
          run.outcome().isEmpty()
              ? "running"
              : run.outcome() + (run.retest() > 0 ? " (retest)" : ""),
          run.failedStep().isEmpty() ? "-" : run.failedStep(),
          run.unit().isEmpty() ? "(not identified)" : run.unit(),
          others(run),
          shorten(run.message()));
    }
    table.print(out, "");
    out.println();
    out.println(
        runs.size()
            + " run(s), newest first (times in "
            + zone.getId()
            + "); a unit's whole history: shipready trace <unit>");
  }

  private static String others(RunListing run) {
    String others =
        run.identifiers().stream()
            .filter(id -> !id.value().equals(run.unit()))
            .map(Identifier::value)
            .distinct()
            .collect(Collectors.joining(" "));
    return others.isEmpty() ? "-" : others;
  }

  private static String shorten(String message) {
    String line = message.replaceAll("\\s+", " ").strip();
    return line.length() <= MESSAGE ? line : line.substring(0, MESSAGE - 1) + "…";
  }
}
