package io.shipready.app.cli;

import io.shipready.core.ShipreadyException;
import io.shipready.store.ExportFormat;
import io.shipready.store.Store;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shipready export}: records for other tools (CSV, JSON, OpenHTF test records: a folder of
 * one file per record, or one record a line).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export records: csv (a row per measurement), json, openhtf (a folder of OpenHTF test"
            + " records, one file each) or openhtf-jsonl (OpenHTF test records, one a line).")
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "csv, json, openhtf or openhtf-jsonl.")
  String format;

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "Only runs started at or after T: 2026-11-22 or 2026-11-22T08:00:00Z.")
  String since;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to a file instead (a folder for openhtf, which it needs).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ExportFormat exportFormat = parseFormat();
    Instant from = since == null ? null : parseSince();
    if (exportFormat.oneFilePerRecord() && out == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--format "
              + format
              + " writes one file per record: give --out FOLDER,"
              + " or stream them with --format openhtf-jsonl");
    }
    try (Store records = Store.open(store.url())) {
      if (exportFormat.oneFilePerRecord()) {
        int written = records.exportFiles(from, exportFormat, out);
        spec.commandLine()
            .getErr()
            .println(written + (written == 1 ? " record" : " records") + " written to " + out);
      } else if (out == null) {
        Writer writer = spec.commandLine().getOut();
        records.export(from, exportFormat, writer);
        writer.flush();
      } else {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (Writer writer =
            new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8)) {
          records.export(from, exportFormat, writer);
        }
        // A file that exists is a whole export, never a half-written one.
        Files.move(
            partial,
            out,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return 0;
  }

  private ExportFormat parseFormat() {
    try {
      return ExportFormat.valueOf(format.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException unknown) {
      throw new ParameterException(
          spec.commandLine(),
          "unknown format '" + format + "'; use csv, json, openhtf or openhtf-jsonl");
    }
  }

  private Instant parseSince() {
    try {
      return since.contains("T")
          ? Instant.parse(since)
          : LocalDate.parse(since).atStartOfDay(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException bad) {
      throw new ShipreadyException(
          "--since '" + since + "' is not a date (2026-11-22) or a time (2026-11-22T08:00:00Z)");
    }
  }
}
