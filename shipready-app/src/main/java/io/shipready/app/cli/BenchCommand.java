package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.bench.BareWriterPlace;
import io.shipready.app.bench.EngineBenchmark;
import io.shipready.app.bench.EngineReport;
import io.shipready.core.Spread;
import io.shipready.store.Store;
import io.shipready.store.StoreBenchmark;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Benchmarks that print figures; not part of the test suite. */
@Command(
    name = "bench",
    description = "Measure shipready's speed.",
    mixinStandardHelpOptions = true,
    subcommands = {
      BenchCommand.Engine.class,
      BenchCommand.StoreBench.class,
      BenchLineCommand.class,
      BenchStationsCommand.class,
      BenchStationsCommand.StationProcessCommand.class,
      BenchIngestCommand.class,
      BenchProgramCommand.class,
      ProvisionBenchCommand.class
    })
public final class BenchCommand {

  /** {@code shipready bench engine}. */
  @Command(
      name = "engine",
      mixinStandardHelpOptions = true,
      description = {
        "Run a station as `run --simulate` builds it (simulated units, records in a SQLite store),"
            + " one unit per slot, each a chain of steps that each wait --step-ms, all slots at"
            + " once.",
        "Prints the median wall time of the rounds with its min and max, the ideal, parallel"
            + " efficiency (ideal / wall), the start skew across slots and, measured in"
            + " alternation with the rounds, bare threads doing the same waits."
      })
  public static final class Engine implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Option(
        names = "--slots",
        defaultValue = "256",
        description = "Slots (default ${DEFAULT-VALUE}).")
    int slots;

    @Option(
        names = "--steps",
        defaultValue = "50",
        description = "Steps per unit (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(
        names = "--step-ms",
        defaultValue = "10",
        description = "Milliseconds per step (default ${DEFAULT-VALUE}).")
    double stepMs;

    @Option(
        names = "--rounds",
        defaultValue = "3",
        description =
            "Measured rounds, each beside a bare-thread round; the median is reported"
                + " (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
        names = "--db",
        paramLabel = "FILE|URL",
        description = "The store the station records into (default: a new temporary SQLite file).")
    String db;

    @Option(names = "--no-store", description = "The engine alone: no records kept.")
    boolean noStore;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (rounds < 1 || slots < 1 || steps < 1 || stepMs < 0) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--rounds, --slots and --steps must be at least 1, --step-ms >= 0");
      }
      if (noStore && db != null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--no-store and --db contradict each other; give one");
      }
      java.nio.file.Path temporary = null;
      String storeUrl = db;
      if (!noStore && db == null) {
        temporary = java.nio.file.Files.createTempDirectory("shipready-bench-engine");
        storeUrl = temporary.resolve("records.db").toString();
      }
      EngineBenchmark.Result result;
      try {
        result =
            new EngineBenchmark(
                    slots, steps, Duration.ofNanos((long) (stepMs * 1_000_000)), storeUrl)
                .run(rounds);
      } finally {
        if (temporary != null) {
          deleteTree(temporary);
        }
      }
      var out = spec.commandLine().getOut();
      if (json) {
        out.println(EngineReport.json(result));
      } else {
        out.print(EngineReport.text(result));
      }
      out.flush();
      return result.notRecorded() == 0 ? 0 : 1;
    }

    private static void deleteTree(java.nio.file.Path root) throws java.io.IOException {
      try (var paths = java.nio.file.Files.walk(root)) {
        for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.deleteIfExists(path);
        }
      }
    }
  }

  /** {@code shipready bench store}. */
  @Command(
      name = "store",
      mixinStandardHelpOptions = true,
      description = {
        "Durable write throughput of the record writer (step results per second, each run waited"
            + " on until committed) beside a bare JDBC writer of the same rows into the store's own"
            + " tables with the same commit grouping, in alternating rounds, and their ratio; then"
            + " trace latency (p50, p99) with --units units stored.",
        "Runs on SQLite (the bare writer in FILE-bare.db beside it), and on PostgreSQL when"
            + " --postgres or $SHIPREADY_BENCH_POSTGRES_URL names one (the bare writer in schema "
            + BareWriterPlace.SCHEMA
            + "). The units loaded stay in the databases, so a second run starts at once."
      })
  public static final class StoreBench implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Option(
        names = "--sqlite",
        paramLabel = "FILE",
        defaultValue = "shipready-bench.db",
        description = "SQLite file to use (default ${DEFAULT-VALUE}).")
    String sqlite;

    @Option(names = "--postgres", paramLabel = "URL", description = "PostgreSQL JDBC URL.")
    String postgres;

    @Option(
        names = "--units",
        defaultValue = "1000000",
        description = "Units stored before trace latency is measured (default ${DEFAULT-VALUE}).")
    int units;

    @Option(
        names = "--runs",
        defaultValue = "4000",
        description =
            "Runs written per round for the throughput figures (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
        names = "--steps",
        defaultValue = "25",
        description = "Steps per run, each with a measurement (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(
        names = "--rounds",
        defaultValue = "3",
        description =
            "Rounds of the record writer, each beside a round of the bare writer; medians are"
                + " reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
        names = "--lookups",
        defaultValue = "2000",
        description = "Trace look-ups timed (default ${DEFAULT-VALUE}).")
    int lookups;

    @Option(
        names = "--trace-only",
        description =
            "Measure trace latency only: no write rounds (and no copy of the units into the bare"
                + " writer's database, which at millions of units takes as long as the first load).")
    boolean traceOnly;

    @Option(
        names = "--cold",
        description =
            "Also time --lookups traces on a cold cache: through new connections (an empty SQLite"
                + " page cache), after dropping the OS page cache when this process may (root on"
                + " Linux; it says so when it may not).")
    boolean cold;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (rounds < 1 || runs < 1 || steps < 1 || units < 1 || lookups < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--rounds, --runs, --steps, --units and --lookups must be >= 1");
      }
      var out = spec.commandLine().getOut();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("sqlite", measure(sqlite, BareWriterPlace.sqlite(sqlite), out));
      String postgresUrl =
          postgres != null ? postgres : System.getenv("SHIPREADY_BENCH_POSTGRES_URL");
      if (postgresUrl != null && !postgresUrl.isBlank()) {
        figures.put("postgresql", measure(postgresUrl, BareWriterPlace.postgres(postgresUrl), out));
      } else if (!json) {
        out.println("postgresql: skipped (give --postgres URL or $SHIPREADY_BENCH_POSTGRES_URL)");
      }
      if (json) {
        out.println(new ObjectMapper().writeValueAsString(figures));
      }
      out.flush();
      return 0;
    }

    private Map<String, Object> measure(String url, String bareUrl, java.io.PrintWriter out)
        throws Exception {
      Map<String, Object> result = new LinkedHashMap<>();
      StoreBenchmark.Latencies latencies;
      try (Store store = Store.open(url)) {
        result.put("database", store.describe());
        latencies = StoreBenchmark.traceLatency(store, units, lookups);
        if (!json) {
          out.println(store.describe());
        }
        if (!traceOnly) {
          writeFigures(
              StoreBenchmark.durableWritesBesideBare(store, bareUrl, runs, steps, rounds),
              result,
              out);
        }
      }
      result.put("units_stored", latencies.unitsInStore());
      result.put("trace_lookups", latencies.lookups());
      result.put("trace_p50_ms", round(latencies.p50Millis(), 3));
      result.put("trace_p99_ms", round(latencies.p99Millis(), 3));
      if (!json) {
        out.printf(
            Locale.ROOT,
            "  trace           p50 %.3f ms, p99 %.3f ms over %d look-ups with %,d units stored"
                + " (warm: after %d look-ups)%n",
            latencies.p50Millis(),
            latencies.p99Millis(),
            latencies.lookups(),
            latencies.unitsInStore(),
            Math.min(lookups, 2_000));
      }
      if (cold) {
        StoreBenchmark.ColdLatencies coldLatencies =
            StoreBenchmark.coldTraceLatency(url, lookups, true);
        result.put("trace_cold_p50_ms", round(coldLatencies.latencies().p50Millis(), 3));
        result.put("trace_cold_p99_ms", round(coldLatencies.latencies().p99Millis(), 3));
        result.put("trace_cold_first_ms", round(coldLatencies.firstMillis(), 3));
        result.put("os_cache_dropped", coldLatencies.osCacheDropped());
        result.put("cold_cache", coldLatencies.cacheNote());
        if (!json) {
          out.printf(
              Locale.ROOT,
              "  trace, cold     p50 %.3f ms, p99 %.3f ms over %d look-ups, the first %.3f ms"
                  + " (new connections; %s%s)%n",
              coldLatencies.latencies().p50Millis(),
              coldLatencies.latencies().p99Millis(),
              coldLatencies.latencies().lookups(),
              coldLatencies.firstMillis(),
              coldLatencies.cacheNote(),
              url.startsWith("jdbc:postgresql:")
                  ? "; the server's shared_buffers stay warm until it restarts"
                  : "");
        }
      }
      out.flush();
      return result;
    }

    private void writeFigures(
        List<StoreBenchmark.WriteRound> writes,
        Map<String, Object> result,
        java.io.PrintWriter out) {
      result.put("rounds", writes.size());
      Spread store = spread(writes, StoreBenchmark.WriteRound::storePerSecond);
      Spread bare = spread(writes, StoreBenchmark.WriteRound::barePerSecond);
      double storeRate = store.median();
      double bareRate = bare.median();
      double ratio = spread(writes, StoreBenchmark.WriteRound::ratio).median();
      result.put("durable_step_results_per_s", Math.round(storeRate));
      result.put("durable_step_results_per_s_min", Math.round(store.min()));
      result.put("durable_step_results_per_s_max", Math.round(store.max()));
      result.put("bare_step_results_per_s", Math.round(bareRate));
      result.put("bare_step_results_per_s_min", Math.round(bare.min()));
      result.put("bare_step_results_per_s_max", Math.round(bare.max()));
      result.put("store_over_bare", round(ratio, 3));
      result.put(
          "events_per_commit",
          round(spread(writes, StoreBenchmark.WriteRound::eventsPerCommit).median(), 1));
      result.put(
          "runs_per_commit",
          Math.round(spread(writes, round -> (double) round.runsPerCommit()).median()));
      if (!json) {
        out.printf(
            Locale.ROOT,
            "  durable writes  %,.0f step results/s median of %d rounds (min %,.0f, max %,.0f;"
                + " %d runs x %d steps, commit awaited per run)%n"
                + "  bare writer     %,.0f step results/s median (min %,.0f, max %,.0f; same"
                + " rows and tables, %s runs per commit as the writer's)%n"
                + "  store / bare    %.3f%n",
            storeRate,
            writes.size(),
            store.min(),
            store.max(),
            runs,
            steps,
            bareRate,
            bare.min(),
            bare.max(),
            result.get("runs_per_commit"),
            ratio);
      }
    }

    private static <T> Spread spread(List<T> rounds, java.util.function.ToDoubleFunction<T> of) {
      return Spread.of(rounds.stream().map(of::applyAsDouble).toList());
    }

    private static double round(double value, int places) {
      double scale = Math.pow(10, places);
      return Math.round(value * scale) / scale;
    }
  }
}
