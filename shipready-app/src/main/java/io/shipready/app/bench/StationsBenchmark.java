package io.shipready.app.bench;

import static java.util.Objects.requireNonNull;

import io.shipready.store.StationTally;
import io.shipready.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Many stations, each a process of its own, recording into one database at once: the way a factory
 * shares one PostgreSQL between its stations. Each process is {@code shipready bench
 * station-process} ({@link StationProcess}), started with this process's own Java, class path and
 * JVM options; all are released together once every one has its records open. Afterwards the
 * database is asked, by SQL, whether it holds each station's units exactly once.
 */
public final class StationsBenchmark {
  /** How long a station process may take to start, warm up and open its records. */
  static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  /** The settings of a run: how many stations, and the shape each one runs. */
  public record Settings(
      int stations,
      int slots,
      int unitsPerSlot,
      int steps,
      Duration stepTime,
      int warmUpPerSlot,
      String storeUrl) {
    public Settings {
      requireNonNull(stepTime, "stepTime");
      requireNonNull(storeUrl, "storeUrl");
      if (stations < 1
          || slots < 1
          || unitsPerSlot < 1
          || steps < 1
          || stepTime.isNegative()
          || warmUpPerSlot < 0) {
        throw new IllegalArgumentException(
            "stations, slots, units per slot and steps must be at least 1, step time and warm-up"
                + " >= 0");
      }
    }

    public int unitsPerStation() {
      return slots * unitsPerSlot;
    }
  }

  /** One station's figures beside what the database holds of it. */
  public record Station(StationProcess.Figures figures, StationTally tally, boolean exact) {
    /** From go to its last run durable. */
    public double wallSeconds() {
      return (figures.endMicros() - figures.goMicros()) / 1e6;
    }
  }

  /**
   * What a run measured.
   *
   * @param intervalSeconds from the start signal to the last run of any station durable
   * @param startSpreadMillis how long after the signal the last station heard it
   * @param stepResults step results the database holds of the run, all stations together
   */
  public record Result(
      Settings settings,
      String store,
      double intervalSeconds,
      double startSpreadMillis,
      long stepResults,
      long[] latencyMicros,
      List<Station> stations,
      List<String> problems) {
    public double stepResultsPerSecond() {
      return intervalSeconds <= 0 ? 0 : stepResults / intervalSeconds;
    }

    public boolean exact() {
      return problems.isEmpty() && stations.stream().allMatch(Station::exact);
    }
  }

  private final Settings settings;

  public StationsBenchmark(Settings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  public Result run() throws Exception {
    // The schema is made once, here, before the stations race to open the database.
    try (Store store = Store.open(settings.storeUrl())) {
      long seedBase = System.currentTimeMillis() * 1_000;
      Path logs = Files.createTempDirectory("shipready-bench-stations");
      List<Process> processes = new ArrayList<>();
      List<BufferedReader> outputs = new ArrayList<>();
      try {
        for (int i = 1; i <= settings.stations(); i++) {
          ProcessBuilder builder =
              new ProcessBuilder(command(name(i), seedBase + i))
                  .redirectError(logs.resolve(name(i) + ".log").toFile());
          // The URL may hold a password: it goes by the environment, never the command line.
          builder.environment().put("SHIPREADY_DB", settings.storeUrl());
          Process process = builder.start();
          processes.add(process);
          outputs.add(
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < processes.size(); i++) {
          awaitLine(outputs.get(i), StationProcess.READY, READY_TIMEOUT, i + 1, logs);
        }
        long goMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        for (Process process : processes) {
          Writer in =
              new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
          in.write(StationProcess.GO + "\n");
          in.flush();
        }
        List<StationProcess.Figures> figures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
          String line = awaitLine(outputs.get(i), StationProcess.RESULT, null, i + 1, logs);
          figures.add(StationProcess.parse(line));
          if (!processes.get(i).waitFor(1, TimeUnit.MINUTES)) {
            problems.add(name(i + 1) + " did not exit after its batch");
          } else if (processes.get(i).exitValue() != 0) {
            problems.add(
                name(i + 1)
                    + " exited with "
                    + processes.get(i).exitValue()
                    + ": "
                    + tail(logs.resolve(name(i + 1) + ".log")));
          }
        }
        return result(store, goMicros, figures, problems);
      } finally {
        for (Process process : processes) {
          process.destroy();
        }
        deleteTree(logs);
      }
    }
  }

  private Result result(
      Store store, long goMicros, List<StationProcess.Figures> figures, List<String> problems) {
    List<Station> stations = new ArrayList<>();
    long stepResults = 0;
    long end = goMicros;
    long lastGo = goMicros;
    List<long[]> latencies = new ArrayList<>();
    for (StationProcess.Figures station : figures) {
      // The runs since the station heard go: not its warm-up, nor earlier benchmarks' runs.
      StationTally tally =
          StationTally.of(
              store, station.station(), Instant.EPOCH.plus(station.goMicros(), ChronoUnit.MICROS));
      boolean exact =
          tally.exactly(settings.unitsPerStation(), settings.steps())
              && station.notRecorded() == 0
              && station.passed() == settings.unitsPerStation();
      stations.add(new Station(station, tally, exact));
      stepResults += tally.stepResults();
      end = Math.max(end, station.endMicros());
      lastGo = Math.max(lastGo, station.goMicros());
      latencies.add(station.latencyMicros());
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(
        settings,
        store.describe(),
        (end - goMicros) / 1e6,
        (lastGo - goMicros) / 1e3,
        stepResults,
        all,
        List.copyOf(stations),
        List.copyOf(problems));
  }

  /** station-1, station-2, ... */
  public static String name(int number) {
    return "station-" + number;
  }

  /** This Java, class path and JVM options, running {@code bench station-process}. */
  private List<String> command(String station, long seed) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // Heap, class-data sharing and the like; no agents or debuggers, which would clash.
      if (option.startsWith("-X") && !option.startsWith("-Xrun") && !option.equals("-Xdebug")) {
        command.add(option);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(io.shipready.app.Main.class.getName());
    command.addAll(
        List.of(
            "bench",
            "station-process",
            "--station",
            station,
            "--seed",
            Long.toString(seed),
            "--slots",
            Integer.toString(settings.slots()),
            "--units-per-slot",
            Integer.toString(settings.unitsPerSlot()),
            "--steps",
            Integer.toString(settings.steps()),
            "--step-us",
            Long.toString(settings.stepTime().toNanos() / 1_000),
            "--warm-up",
            Integer.toString(settings.warmUpPerSlot())));
    return command;
  }

  /** The first line starting with {@code prefix}; other lines (a station's output) are skipped. */
  private static String awaitLine(
      BufferedReader output, String prefix, Duration timeout, int number, Path logs)
      throws Exception {
    CompletableFuture<String> found =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  if (line.startsWith(prefix)) {
                    return line;
                  }
                }
                return null;
              } catch (IOException failed) {
                return null;
              }
            });
    String line;
    try {
      line = timeout == null ? found.get() : found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      throw new IllegalStateException(
          name(number) + " did not open its records within " + timeout.toSeconds() + " s");
    }
    if (line == null) {
      throw new IllegalStateException(
          name(number)
              + " stopped before it said '"
              + prefix.trim()
              + "': "
              + tail(logs.resolve(name(number) + ".log")));
    }
    return line;
  }

  /** The last lines a station wrote to its error output. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException unreadable) {
      return "(its output could not be read: " + unreadable.getMessage() + ")";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
