package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.backoffice.ingest.IngestBenchmark;
import io.shipready.core.Spread;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shipready bench ingest}. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest one generated programming file of --rows rows (found, hashed, validated, units"
          + " registered, moved) into a fresh SQLite file, and with --postgres (or"
          + " $SHIPREADY_BENCH_POSTGRES_URL) into fresh PostgreSQL schemas with COPY and with"
          + " batched INSERTs, beside a bare PostgreSQL COPY of the same file into a table"
          + " without keys, and into one with the three unique keys of a registration"
          + " (the server's own cost of the keys).",
      "After a warm-up round with a small file, runs --rounds rounds, alternating the order"
          + " (ingesters first, then the bare COPY first). Prints the median, min and max"
          + " seconds of each path, rows per second of the median, and the ratio of the"
          + " medians to the bare COPY."
    })
public final class BenchIngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Rows in the file (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Measured rounds of every path (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--postgres", paramLabel = "URL", description = "PostgreSQL JDBC URL.")
  String postgres;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String url = postgres;
    if (url == null || url.isBlank()) {
      url = System.getenv("SHIPREADY_BENCH_POSTGRES_URL");
    }
    IngestBenchmark.Result r =
        new IngestBenchmark(
                rows,
                rounds,
                url == null || url.isBlank() ? null : url,
                Files.createTempDirectory("shipready-bench-ingest"))
            .run();
    var out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("rows", r.rows());
      figures.put("file_bytes", r.fileBytes());
      figures.put("rounds", r.rounds().size());
      figures.put("load_before", round(r.loadBefore()));
      figures.put("load_after", round(r.loadAfter()));
      figures.put("sqlite", json(r, r.sqliteSeconds()));
      if (r.postgres()) {
        figures.put("postgres_copy", json(r, r.postgresCopySeconds()));
        figures.put("postgres_batch", json(r, r.postgresBatchSeconds()));
        figures.put("keyed_copy", json(r, r.keyedCopySeconds()));
        figures.put("bare_copy", json(r, r.bareCopySeconds()));
        figures.put("copy_ratio", round(r.copyRatio()));
        figures.put("batch_ratio", round(r.batchRatio()));
        figures.put("keyed_ratio", round(r.keyedRatio()));
      }
      List<Map<String, Object>> rounds = new ArrayList<>();
      for (IngestBenchmark.Round round : r.rounds()) {
        Map<String, Object> seconds = new LinkedHashMap<>();
        seconds.put("sqlite_s", round(round.sqliteSeconds()));
        if (r.postgres()) {
          seconds.put("postgres_copy_s", round(round.postgresCopySeconds()));
          seconds.put("postgres_batch_s", round(round.postgresBatchSeconds()));
          seconds.put("keyed_copy_s", round(round.keyedCopySeconds()));
          seconds.put("bare_copy_s", round(round.bareCopySeconds()));
        }
        rounds.add(seconds);
      }
      figures.put("round_seconds", rounds);
      out.println(new ObjectMapper().writeValueAsString(figures));
    } else {
      out.printf(
          Locale.ROOT,
          "ingest: one programming file, %,d rows, %,d bytes; %d round(s) after a warm-up,"
              + " alternating order%n"
              + "  (load average %.1f before, %.1f after)%n"
              + "                             median s    min s    max s  rows/s (median)%n",
          r.rows(),
          r.fileBytes(),
          r.rounds().size(),
          r.loadBefore(),
          r.loadAfter());
      line(out, r, "SQLite", r.sqliteSeconds(), "");
      if (r.postgres()) {
        line(
            out,
            r,
            "PostgreSQL, COPY path",
            r.postgresCopySeconds(),
            String.format(Locale.ROOT, "  (%.2f of bare COPY)", r.copyRatio()));
        line(
            out,
            r,
            "PostgreSQL, batched INSERT",
            r.postgresBatchSeconds(),
            String.format(Locale.ROOT, "  (%.2f of bare COPY)", r.batchRatio()));
        line(
            out,
            r,
            "PostgreSQL COPY, keys only",
            r.keyedCopySeconds(),
            String.format(
                Locale.ROOT, "  (%.2f of bare COPY; unique keys, no checks)", r.keyedRatio()));
        line(out, r, "PostgreSQL bare COPY", r.bareCopySeconds(), "  (no keys, no checks)");
      } else {
        out.println("  PostgreSQL: skipped (give --postgres URL or $SHIPREADY_BENCH_POSTGRES_URL)");
      }
    }
    out.flush();
    return 0;
  }

  private static void line(
      java.io.PrintWriter out, IngestBenchmark.Result r, String name, Spread s, String note) {
    out.printf(
        Locale.ROOT,
        "  %-26s %8.2f %8.2f %8.2f %,10.0f%s%n",
        name,
        s.median(),
        s.min(),
        s.max(),
        r.rowsPerSecond(s),
        note);
  }

  private static Map<String, Object> json(IngestBenchmark.Result r, Spread s) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("median_s", round(s.median()));
    figures.put("min_s", round(s.min()));
    figures.put("max_s", round(s.max()));
    figures.put("rows_per_s", Math.round(r.rowsPerSecond(s)));
    return figures;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
