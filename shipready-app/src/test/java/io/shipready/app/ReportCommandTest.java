package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipready report} on the records of a real simulated shift of the sample station. */
class ReportCommandTest {
  @TempDir static Path folder;
  private static SampleShift shift;

  @BeforeAll
  static void runAShift() throws Exception {
    shift = SampleShift.run(folder, "REPORT-1", 16, 11);
    assertThat(shift.count("PASS")).as("some units pass").isPositive();
    assertThat(shift.count("FAIL") + shift.count("ERROR")).as("some fail").isPositive();
  }

  @Test
  void theTextReportCountsWhatTheRunDid() {
    CommandLineRun report = CommandLineRun.of("report", "--db", shift.db().toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    String text = report.out();

    // The station's row: runs, units, pass, fail, error, aborted, first-pass yield.
    Matcher row =
        Pattern.compile(
                "REPORT-1\\s+sample-tracker\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)"
                    + "\\s+([0-9.]+) %")
            .matcher(text);
    assertThat(row.find()).as(text).isTrue();
    assertThat(Integer.parseInt(row.group(1))).isEqualTo(16);
    assertThat(Integer.parseInt(row.group(2))).isEqualTo(16);
    assertThat(Integer.parseInt(row.group(3))).isEqualTo(shift.count("PASS"));
    assertThat(Integer.parseInt(row.group(4))).isEqualTo(shift.count("FAIL"));
    assertThat(Integer.parseInt(row.group(5))).isEqualTo(shift.count("ERROR"));
    assertThat(Double.parseDouble(row.group(7)))
        .isCloseTo(shift.summary().get("first_pass_yield").asDouble() * 100, within(0.05));
    // Simulated units run on the simulator's time: the speed says so.
    assertThat(text).containsPattern("REPORT-1 .*\\d+ \\(simulated\\)");

    // Every step that stopped a unit is in the Pareto with its count.
    for (JsonNode run : shift.summary().get("runs")) {
      String outcome = run.get("outcome").asText();
      if (outcome.equals("FAIL") || outcome.equals("ERROR")) {
        assertThat(text)
            .containsPattern(
                "\\d+\\s+[0-9.]+ %\\s+REPORT-1\\s+sample-tracker\\s+"
                    + run.get("failed_step").asText());
      }
    }
    assertThat(text)
        .contains("Failures by symptom")
        .contains("supply_voltage (V)")
        .contains("3.2 <= x <= 3.4")
        .contains("cellular_rssi (dBm)")
        .contains("Slowest steps");
  }

  @Test
  void theHtmlReportIsOnePageWithItsChartsInline() throws Exception {
    Path page = folder.resolve("out/shift.html");
    CommandLineRun report =
        CommandLineRun.of(
            "report",
            "--db",
            shift.db().toString(),
            "--station",
            "REPORT-1",
            "--html",
            page.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("HTML report: file:");
    String html = Files.readString(page);

    assertThat(html).startsWith("<!doctype html>").contains("<style>").endsWith("</html>\n");
    // Nothing loaded from anywhere: no scripts, links, images or fonts from outside the file.
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("<img")
        .doesNotContain("src=")
        .doesNotContain("url(")
        .doesNotContain("@import");
    assertThat(html).contains("REPORT-1").contains("tag sim\">simulated");
    // A histogram per numeric measurement, with a line at each limit.
    assertThat(count(html, "<svg class=\"histogram\""))
        .isEqualTo(count(html, "<figure class=\"measurement\""));
    assertThat(html).contains("supply_voltage").contains(">min 3.2<").contains(">max 3.4<");
    assertThat(html).contains("class=\"limit\"").contains("<svg class=\"pareto\"");
    assertThat(html).doesNotContain("null").doesNotContain("NaN");
  }

  @Test
  void sinceTakesDurationsTodayAndTimesAndRefusesOthers() {
    assertThat(CommandLineRun.of("report", "--db", shift.db().toString(), "--since", "8h").out())
        .contains("REPORT-1");
    assertThat(CommandLineRun.of("report", "--db", shift.db().toString(), "--since", "today").out())
        .contains("REPORT-1");
    CommandLineRun elsewhere =
        CommandLineRun.of("report", "--db", shift.db().toString(), "--station", "NOBODY");
    assertThat(elsewhere.exitCode()).isZero();
    assertThat(elsewhere.out()).contains("no run ended in that time");
    CommandLineRun future =
        CommandLineRun.of(
            "report", "--db", shift.db().toString(), "--since", "2999-01-01T00:00:00Z");
    assertThat(future.exitCode()).isEqualTo(2);
    assertThat(future.err()).contains("later than now");

    CommandLineRun bad =
        CommandLineRun.of("report", "--db", shift.db().toString(), "--since", "lunch");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("'lunch' is not a time")
        .contains("8h")
        .doesNotContain("Exception");
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
