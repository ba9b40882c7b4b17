package io.shipready.app.cli;

import io.shipready.app.report.ShiftReportHtml;
import io.shipready.app.report.ShiftReportText;
import io.shipready.store.Store;
import io.shipready.store.report.ShiftReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shipready report}: what the line did this shift, from the records. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "A shift report from the records: yield per station and per step, first-pass yield, the"
          + " failures by step and by symptom, every measurement against its limits, retests,"
          + " units per hour and the slowest steps.",
      "Printed as text; --html also writes it as one self-contained HTML page (charts included,"
          + " nothing loaded from elsewhere)."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Option(
      names = "--since",
      paramLabel = "T",
      defaultValue = "today",
      converter = SinceTime.class,
      description =
          "Runs that ended from then on (default: ${DEFAULT-VALUE}): " + SinceTime.FORMS + ".")
  Instant since;

  @Option(
      names = "--station",
      paramLabel = "S",
      description = "Only this station's runs (default: every station).")
  String station;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the report as an HTML page to FILE.")
  Path html;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ZoneId zone = ZoneId.systemDefault();
    try (Store records = Store.open(store.url())) {
      ShiftReport report = records.shiftReport(since, station);
      new ShiftReportText(report, zone).print(out);
      if (html != null) {
        write(html, new ShiftReportHtml(report, zone, Instant.now(), records.describe()).render());
        out.println();
        out.println("HTML report: " + html.toAbsolutePath().normalize().toUri());
      }
    }
    out.flush();
    return 0;
  }

  /**
   * Written beside its place and moved there, so a page open in a browser is never half-written.
   */
  private static void write(Path file, String page) throws Exception {
    Path target = file.toAbsolutePath().normalize();
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Files.writeString(partial, page, StandardCharsets.UTF_8);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
