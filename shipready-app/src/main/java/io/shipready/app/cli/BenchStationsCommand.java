package io.shipready.app.cli;

import io.shipready.app.bench.StationProcess;
import io.shipready.app.bench.StationsBenchmark;
import io.shipready.app.bench.StationsReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shipready bench stations}: many station processes recording into one database. */
@Command(
    name = "stations",
    mixinStandardHelpOptions = true,
    description = {
      "Start --stations station processes (station-1, station-2, ...) on this computer, each built"
          + " as `run --simulate` builds it with --slots slots and --units-per-slot units per slot,"
          + " all recording into the one database --db names; release them together once each"
          + " has its records open.",
      "Prints per station and in all: durable step results per second (over the common interval,"
          + " from the start signal to the last run durable), each run's commit latency (p50, p99,"
          + " max: its end queued to the record writer until durable), and whether the database"
          + " holds every unit exactly once, checked by SQL. Exit code 1 when it does not."
    })
public final class BenchStationsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--db",
      paramLabel = "FILE|URL",
      description =
          "The database every station records into: jdbc:postgresql://HOST:PORT/DB, or a SQLite"
              + " file they share (default: a new temporary SQLite file).")
  String db;

  @Option(
      names = "--stations",
      defaultValue = "8",
      description = "Station processes (default ${DEFAULT-VALUE}).")
  int stations;

  @Option(
      names = "--slots",
      defaultValue = "32",
      description = "Slots per station (default ${DEFAULT-VALUE}).")
  int slots;

  @Option(
      names = "--units-per-slot",
      defaultValue = "4",
      description = "Units each slot runs, one after the other (default ${DEFAULT-VALUE}).")
  int unitsPerSlot;

  @Option(
      names = "--steps",
      defaultValue = "25",
      description =
          "Steps per unit: the first identifies it, the others wait --step-ms"
              + " (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--step-ms",
      defaultValue = "0",
      description = "Milliseconds each wait step takes (default ${DEFAULT-VALUE}).")
  double stepMs;

  @Option(
      names = "--warm-up",
      defaultValue = "1",
      description =
          "Units per slot each station runs before the start signal, not counted: a station that"
              + " has been running a while (default ${DEFAULT-VALUE}).")
  int warmUp;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (stations < 1 || slots < 1 || unitsPerSlot < 1 || steps < 1 || stepMs < 0 || warmUp < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--stations, --slots, --units-per-slot and --steps must be at least 1, --step-ms and"
              + " --warm-up 0 or more");
    }
    java.nio.file.Path temporary = null;
    String storeUrl = db;
    if (db == null || db.isBlank()) {
      temporary = java.nio.file.Files.createTempDirectory("shipready-bench-stations");
      storeUrl = temporary.resolve("records.db").toString();
    }
    StationsBenchmark.Result result;
    try {
      result =
          new StationsBenchmark(
                  new StationsBenchmark.Settings(
                      stations,
                      slots,
                      unitsPerSlot,
                      steps,
                      Duration.ofNanos((long) (stepMs * 1_000_000)),
                      warmUp,
                      storeUrl))
              .run();
    } finally {
      if (temporary != null) {
        try (var paths = java.nio.file.Files.walk(temporary)) {
          for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
            java.nio.file.Files.deleteIfExists(path);
          }
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        json ? StationsReport.json(result) + System.lineSeparator() : StationsReport.text(result));
    out.flush();
    return result.exact() ? 0 : 1;
  }

  /** One station of {@code bench stations}; started by it, not by people. */
  @Command(
      name = "station-process",
      hidden = true,
      description = "One station process of `bench stations` (started by it).")
  public static final class StationProcessCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Option(names = "--station", required = true, description = "The station's id in the records.")
    String station;

    @Option(names = "--seed", required = true, description = "The seed of its units' identities.")
    long seed;

    @Option(names = "--slots", required = true, description = "Slots.")
    int slots;

    @Option(names = "--units-per-slot", required = true, description = "Units each slot runs.")
    int unitsPerSlot;

    @Option(
        names = "--steps",
        required = true,
        description = "Steps per unit, the first identifying it.")
    int steps;

    @Option(
        names = "--step-us",
        required = true,
        description = "Microseconds each wait step takes.")
    long stepMicros;

    @Option(
        names = "--warm-up",
        required = true,
        description = "Units per slot run before it says it is ready.")
    int warmUp;

    @Override
    public Integer call() throws Exception {
      StationProcess.Figures figures =
          StationProcess.run(
              new StationProcess.Shape(
                  station,
                  slots,
                  unitsPerSlot,
                  steps,
                  Duration.ofNanos(stepMicros * 1_000),
                  seed,
                  warmUp),
              store.url(),
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
              System.out);
      return figures == null ? 1 : 0;
    }
  }
}
