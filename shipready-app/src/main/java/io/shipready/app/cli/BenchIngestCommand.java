package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.backoffice.ingest.IngestBenchmark;
import java.nio.file.Files;
import java.util.LinkedHashMap;
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
          + " without keys.",
      "Prints rows per second and the ratio to the bare COPY."
    })
public final class BenchIngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Rows in the file (default ${DEFAULT-VALUE}).")
  long rows;

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
                url == null || url.isBlank() ? null : url,
                Files.createTempDirectory("shipready-bench-ingest"))
            .run();
    var out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("rows", r.rows());
      figures.put("file_bytes", r.fileBytes());
      figures.put("sqlite_s", round(r.sqliteSeconds()));
      figures.put("sqlite_rows_per_s", Math.round(r.sqliteRowsPerSecond()));
      if (r.bareCopySeconds() > 0) {
        figures.put("postgres_copy_s", round(r.postgresCopySeconds()));
        figures.put("postgres_copy_rows_per_s", Math.round(r.postgresCopyRowsPerSecond()));
        figures.put("postgres_batch_s", round(r.postgresBatchSeconds()));
        figures.put("postgres_batch_rows_per_s", Math.round(r.postgresBatchRowsPerSecond()));
        figures.put("bare_copy_s", round(r.bareCopySeconds()));
        figures.put("bare_copy_rows_per_s", Math.round(r.bareCopyRowsPerSecond()));
        figures.put("copy_ratio", round(r.copyRatio()));
        figures.put("batch_ratio", round(r.batchRatio()));
      }
      out.println(new ObjectMapper().writeValueAsString(figures));
    } else {
      out.printf(
          Locale.ROOT,
          "ingest: one programming file, %,d rows, %,d bytes%n"
              + "  SQLite                      %8.2f s  %,10.0f rows/s%n",
          r.rows(),
          r.fileBytes(),
          r.sqliteSeconds(),
          r.sqliteRowsPerSecond());
      if (r.bareCopySeconds() > 0) {
        out.printf(
            Locale.ROOT,
            "  PostgreSQL, COPY path       %8.2f s  %,10.0f rows/s  (%.2f of bare COPY)%n"
                + "  PostgreSQL, batched INSERT  %8.2f s  %,10.0f rows/s  (%.2f of bare COPY)%n"
                + "  PostgreSQL bare COPY        %8.2f s  %,10.0f rows/s  (no keys, no checks)%n",
            r.postgresCopySeconds(),
            r.postgresCopyRowsPerSecond(),
            r.copyRatio(),
            r.postgresBatchSeconds(),
            r.postgresBatchRowsPerSecond(),
            r.batchRatio(),
            r.bareCopySeconds(),
            r.bareCopyRowsPerSecond());
      } else {
        out.println("  PostgreSQL: skipped (give --postgres URL or $SHIPREADY_BENCH_POSTGRES_URL)");
      }
    }
    out.flush();
    return 0;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
