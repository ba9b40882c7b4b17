package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.Percentile;
import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import io.shipready.store.internal.BenchLoader;
import io.shipready.store.internal.OsPageCache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the store as a station uses it. Results are returned, never printed: the caller (the
 * {@code shipready bench} command) shows them. Use a store of its own: the benchmark leaves its
 * runs and synthetic units in it.
 */
public final class StoreBenchmark {
  /**
   * Slots feeding one writer at once: a 32-up gang fixture, or two 16-slot programmers on one
   * station. More runs in flight means more of them share each commit (and its sync to disk).
   */
  public static final int PRODUCERS = 32;

  private static final Duration DURABLE_TIMEOUT = Duration.ofMinutes(2);

  private StoreBenchmark() {}

  /**
   * Trace latency percentiles.
   *
   * @param unitsInStore synthetic units the store held while timing
   */
  public record Latencies(int lookups, long unitsInStore, double p50Millis, double p99Millis) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "trace latency over %d lookups among %d units: p50 %.3f ms, p99 %.3f ms",
          lookups,
          unitsInStore,
          p50Millis,
          p99Millis);
    }
  }

  /**
   * Feeds whole runs (RunStarted, UnitIdentified with 3 identifiers, per step StepStarted,
   * MeasurementTaken and StepFinished, RunFinished) from {@value #PRODUCERS} threads through a real
   * {@link RecordWriter}, each thread waiting for its run to be durable before the next, and
   * returns step results made durable per second of wall time.
   */
  public static double durableStepResultsPerSecond(Store store, int runs, int stepsPerRun)
      throws InterruptedException {
    return durableStepResultsPerSecond(store, runs, stepsPerRun, PRODUCERS);
  }

  /** As {@link #durableStepResultsPerSecond(Store, int, int)}, with that many producer threads. */
  public static double durableStepResultsPerSecond(
      Store store, int runs, int stepsPerRun, int producers) throws InterruptedException {
    requireNonNull(store, "store");
    if (runs < 1 || stepsPerRun < 1 || producers < 1) {
      throw new IllegalArgumentException("runs, stepsPerRun and producers must be at least 1");
    }
    String tag = UUID.randomUUID().toString().substring(0, 8);
    StationInfo station =
        new StationInfo("bench-" + tag, "bench", "bench", Map.of("bench", "durable-steps"));
    try (RecordWriter writer = store.openWriter(station)) {
      feed(writer, tag + "-warm", Math.max(1, Math.min(runs / 10, 500)), stepsPerRun, producers);
      long started = System.nanoTime();
      feed(writer, tag, runs, stepsPerRun, producers);
      double seconds = (System.nanoTime() - started) / 1e9;
      return (double) runs * stepsPerRun / seconds;
    }
  }

  /**
   * One round of durable writes: the record writer's, then (or before) the bare writer's.
   *
   * @param eventsPerCommit the record writer's mean events per transaction in its round
   * @param runsPerCommit the runs the bare writer committed at once: the writer's grouping in runs
   */
  public record WriteRound(
      double storePerSecond, double barePerSecond, double eventsPerCommit, int runsPerCommit) {
    /** The record writer's rate as a share of the bare writer's. */
    public double ratio() {
      return storePerSecond / barePerSecond;
    }
  }

  /**
   * Durable step results per second of the record writer (as {@link
   * #durableStepResultsPerSecond(Store, int, int)}) and of a bare JDBC writer of the same rows into
   * the store's tables in {@code bareUrl}, in alternating rounds (store then bare, bare then store,
   * ...) after one warm-up of each, so both see the same machine. The bare writer commits as many
   * runs at once as the record writer's commits held in its latest round; see {@link
   * io.shipready.store.internal.BareWriter} for what "the same" covers.
   *
   * @param bareUrl a database of its own for the bare writer (another SQLite file, or another
   *     PostgreSQL schema through {@code currentSchema}); the store's migrations make its tables
   */
  public static List<WriteRound> durableWritesBesideBare(
      Store store, String bareUrl, int runs, int stepsPerRun, int rounds)
      throws InterruptedException, java.sql.SQLException {
    requireNonNull(store, "store");
    requireNonNull(bareUrl, "bareUrl");
    if (runs < 1 || stepsPerRun < 1 || rounds < 1) {
      throw new IllegalArgumentException("runs, stepsPerRun and rounds must be at least 1");
    }
    // The store's own migrations make the bare writer's tables, so the schema is the same; and
    // they hold as many synthetic units as the store (the trace benchmark's), so both writers'
    // inserts go into indexes of the same size.
    try (Store bareStore = Store.open(bareUrl)) {
      long held = new BenchLoader(store.database()).loaded();
      if (held > 0) {
        new BenchLoader(bareStore.database()).ensure(held);
      }
    }
    String tag = UUID.randomUUID().toString().substring(0, 8);
    int eventsPerRun = 3 * stepsPerRun + 3;
    java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    StationInfo station =
        new StationInfo("bench-" + tag, "bench", "bench", Map.of("bench", "durable-steps"));
    List<WriteRound> measured = new ArrayList<>();
    try (RecordWriter writer = store.openWriter(station);
        io.shipready.store.internal.BareWriter bare =
            io.shipready.store.internal.BareWriter.open(bareUrl, "bench-bare-" + tag)) {
      writer.observeCommits(
          (count, took) -> {
            events.addAndGet(count);
            commits.incrementAndGet();
          });
      int warmRuns = Math.max(1, Math.min(runs / 10, 500));
      feed(writer, tag + "-warm", warmRuns, stepsPerRun, PRODUCERS);
      double eventsPerCommit = (double) events.get() / Math.max(1, commits.get());
      bare.write(
          tag + "-warm", warmRuns, stepsPerRun, runsPerCommit(eventsPerCommit, eventsPerRun));
      for (int round = 1; round <= rounds; round++) {
        double storeRate = 0;
        double bareRate = 0;
        int group = 0;
        for (int half = 0; half < 2; half++) {
          boolean storeNow = (half == 0) == (round % 2 == 1);
          if (storeNow) {
            events.set(0);
            commits.set(0);
            long started = System.nanoTime();
            feed(writer, tag + "-" + round, runs, stepsPerRun, PRODUCERS);
            storeRate = (double) runs * stepsPerRun / ((System.nanoTime() - started) / 1e9);
            eventsPerCommit = (double) events.get() / Math.max(1, commits.get());
          } else {
            group = runsPerCommit(eventsPerCommit, eventsPerRun);
            double seconds = bare.write(tag + "-bare-" + round, runs, stepsPerRun, group);
            bareRate = (double) runs * stepsPerRun / seconds;
          }
        }
        measured.add(new WriteRound(storeRate, bareRate, eventsPerCommit, group));
      }
    }
    return List.copyOf(measured);
  }

  private static int runsPerCommit(double eventsPerCommit, int eventsPerRun) {
    return (int) Math.max(1, Math.round(eventsPerCommit / eventsPerRun));
  }

  private static void feed(
      RecordWriter writer, String tag, int runs, int stepsPerRun, int producers)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    int threads = Math.min(producers, runs);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String slot = Integer.toString(t + 1);
        done.add(
            pool.submit(
                () -> {
                  for (int n = next.getAndIncrement(); n < runs; n = next.getAndIncrement()) {
                    String runId = oneRun(writer, slot, tag, n, stepsPerRun);
                    if (!writer.awaitDurable(runId, DURABLE_TIMEOUT)) {
                      throw new IllegalStateException(
                          "run " + runId + " was not durable within " + DURABLE_TIMEOUT);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(failed.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static String oneRun(RecordWriter writer, String slot, String tag, int n, int steps) {
    String runId = runId();
    writer.on(
        new Event.RunStarted(
            runId, slot, n, "bench-recipe", "1.0.0", "0".repeat(64), "", Instant.now()));
    writer.on(
        new Event.UnitIdentified(
            runId,
            slot,
            List.of(
                new Identifier(Identifier.SERIAL, "SN-" + tag + "-" + n),
                new Identifier(Identifier.DEVICE_ID, "dev-" + tag + "-" + n),
                new Identifier(Identifier.IMEI, "imei-" + tag + "-" + n)),
            Instant.now()));
    for (int s = 0; s < steps; s++) {
      String step = "step-" + s;
      writer.on(new Event.StepStarted(runId, slot, step, "measure", 1, Instant.now()));
      double volts = 3.0 + (s % 60) / 100.0;
      writer.on(
          new Event.MeasurementTaken(
              runId,
              slot,
              step,
              new Measurement("vbat" + s, volts, "V", List.of("range 3.0..3.6"), true, ""),
              Instant.now()));
      writer.on(
          new Event.StepFinished(
              runId,
              slot,
              step,
              "measure",
              1,
              StepOutcome.PASS,
              "",
              Duration.ofMillis(12),
              Instant.now()));
    }
    writer.on(
        new Event.RunFinished(
            runId, slot, n, Outcome.PASS, "", "", Duration.ofSeconds(30), Instant.now()));
    return runId;
  }

  private static String runId() {
    return io.shipready.core.engine.RunIds.next();
  }

  /**
   * Makes sure the store holds at least {@code units} synthetic units (bulk-loaded, and kept for
   * later runs), then times {@code lookups} traces by random identifiers of every kind (serial,
   * device id, ICCID, IMEI, BLE MAC, association id, component barcode), after a warm-up: the
   * latency with the store's pages cached.
   */
  public static Latencies traceLatency(Store store, int units, int lookups) {
    requireNonNull(store, "store");
    if (units < 1 || lookups < 1) {
      throw new IllegalArgumentException("units and lookups must be at least 1");
    }
    long loaded = new BenchLoader(store.database()).ensure(units);
    SplittableRandom random = new SplittableRandom(42);
    List<String> kinds = BenchLoader.KINDS;
    int warmUp = Math.min(lookups, 2_000);
    for (int i = 0; i < warmUp; i++) {
      store.trace(BenchLoader.value(kinds.get(i % kinds.size()), random.nextLong(loaded)));
    }
    long[] nanos = timeLookups(store, loaded, lookups, random);
    Arrays.sort(nanos);
    return new Latencies(
        lookups, loaded, percentileMillis(nanos, 0.50), percentileMillis(nanos, 0.99));
  }

  /**
   * Trace latency on a cold cache.
   *
   * @param firstMillis the first look-up's time: the only one that found no page of any index in
   *     memory (the later ones find the upper levels of the B-trees cached by those before)
   * @param osCacheDropped whether the operating system's page cache was emptied first; {@code
   *     cacheNote} says how, or why not
   */
  public record ColdLatencies(
      Latencies latencies, double firstMillis, boolean osCacheDropped, String cacheNote) {}

  /**
   * Times {@code lookups} traces, with no warm-up, through new connections to the store at {@code
   * url} (on SQLite an empty page cache) opened after the operating system's page cache was dropped
   * (when {@code dropOsCache} and this process may: root on Linux). The store must already hold the
   * synthetic units ({@link #traceLatency}); PostgreSQL's own buffers stay as they are (only a
   * restart of the server empties them).
   */
  public static ColdLatencies coldTraceLatency(String url, int lookups, boolean dropOsCache) {
    requireNonNull(url, "url");
    if (lookups < 1) {
      throw new IllegalArgumentException("lookups must be at least 1");
    }
    OsPageCache.Drop drop =
        dropOsCache
            ? OsPageCache.drop()
            : new OsPageCache.Drop(false, "OS page cache not dropped: not asked to");
    try (Store store = Store.open(url)) {
      long loaded = new BenchLoader(store.database()).loaded();
      if (loaded < 1) {
        throw new IllegalStateException(
            "the store " + store.describe() + " holds no synthetic units: time warm traces first");
      }
      // Another seed than the warm look-ups': other units, whose pages those did not read.
      long[] nanos = timeLookups(store, loaded, lookups, new SplittableRandom(4242));
      double first = nanos[0] / 1e6;
      Arrays.sort(nanos);
      return new ColdLatencies(
          new Latencies(
              lookups, loaded, percentileMillis(nanos, 0.50), percentileMillis(nanos, 0.99)),
          first,
          drop.dropped(),
          drop.note());
    }
  }

  private static long[] timeLookups(
      Store store, long loaded, int lookups, SplittableRandom random) {
    List<String> kinds = BenchLoader.KINDS;
    long[] nanos = new long[lookups];
    for (int i = 0; i < lookups; i++) {
      String kind = kinds.get(random.nextInt(kinds.size()));
      String value = BenchLoader.value(kind, random.nextLong(loaded));
      long started = System.nanoTime();
      UnitTrace trace = store.trace(value);
      nanos[i] = System.nanoTime() - started;
      if (trace.runs().isEmpty()) {
        throw new IllegalStateException("synthetic unit " + value + " has no run");
      }
    }
    return nanos;
  }

  private static double percentileMillis(long[] sortedNanos, double share) {
    return Percentile.nearestRank(sortedNanos, share) / 1e6;
  }
}
