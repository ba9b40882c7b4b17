package io.shipready.app.bench;

import static java.util.Objects.requireNonNull;

import io.shipready.app.assembly.AssembledStation;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.Event;
import io.shipready.core.model.Outcome;
import io.shipready.core.recipe.Recipe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One station of {@code bench stations}, in a process of its own: built by {@link
 * EngineBenchmark#assemble} (the assembly {@code run} uses), it says {@value #READY} on its output
 * once its records are open, waits for {@value #GO} on its input so that every station starts
 * together, runs its batch and prints {@value #RESULT} and its figures as JSON.
 *
 * <p>A run's commit latency is the time from its end event, queued to the record writer, to the
 * writer saying the run is durable: what a slot waits before it may show PASS.
 */
public final class StationProcess {
  public static final String READY = "stations-bench ready";
  public static final String GO = "go";
  public static final String RESULT = "stations-bench result ";

  /**
   * What one station did.
   *
   * @param goMicros when it heard go, microseconds since the epoch
   * @param endMicros when its last run was durable, microseconds since the epoch
   * @param latencyMicros each run's commit latency
   */
  public record Figures(
      String station,
      long seed,
      int runs,
      long passed,
      long notRecorded,
      long goMicros,
      long endMicros,
      long commits,
      long eventsCommitted,
      long[] latencyMicros) {}

  /**
   * What the station runs.
   *
   * @param seed the seed of its units' identities; its warm-up units have others
   * @param warmUpPerSlot units per slot run before it says it is ready, not counted
   */
  public record Shape(
      String station,
      int slots,
      int unitsPerSlot,
      int steps,
      Duration stepTime,
      long seed,
      int warmUpPerSlot) {
    public Shape {
      requireNonNull(station, "station");
      requireNonNull(stepTime, "stepTime");
      if (slots < 1
          || unitsPerSlot < 1
          || steps < 1
          || stepTime.isNegative()
          || warmUpPerSlot < 0) {
        throw new IllegalArgumentException(
            "slots, units per slot and steps must be at least 1, step time and warm-up >= 0");
      }
    }

    /** Seeds this far apart never meet: the warm-up units are never the measured ones. */
    static final long WARM_UP_SEED_OFFSET = 1L << 40;

    public int units() {
      return slots * unitsPerSlot;
    }
  }

  private StationProcess() {}

  /**
   * Builds the station, waits for go on {@code in}, runs it.
   *
   * @return its figures, also printed on {@code out}; null when the input closed before go
   */
  public static Figures run(Shape shape, String storeUrl, BufferedReader in, PrintStream out)
      throws Exception {
    requireNonNull(storeUrl, "storeUrl");
    Recipe recipe = EngineBenchmark.chain(shape.slots(), shape.steps(), shape.stepTime(), true);
    if (shape.warmUpPerSlot() > 0) {
      // A station that has run for a while: its code compiled, its connections made. The warm-up
      // units are other units (another seed) and run before go, so no figure or check counts them.
      try (AssembledStation warmUp =
          EngineBenchmark.assemble(
              recipe,
              shape.slots(),
              shape.slots() * shape.warmUpPerSlot(),
              shape.seed() + Shape.WARM_UP_SEED_OFFSET,
              storeUrl,
              shape.station())) {
        warmUp.run(warmUp.batch());
      }
    }
    Map<String, Long> ended = new ConcurrentHashMap<>();
    long[] latencies = new long[shape.units()];
    AtomicInteger measured = new AtomicInteger();
    AtomicLong lastDurable = new AtomicLong();
    AtomicLong commits = new AtomicLong();
    AtomicLong events = new AtomicLong();
    StationReport report;
    long goNanos;
    Instant go;
    try (AssembledStation station =
        EngineBenchmark.assemble(
            recipe, shape.slots(), shape.units(), shape.seed(), storeUrl, shape.station())) {
      station
          .recordWriter()
          .ifPresent(
              writer ->
                  writer.observeCommits(
                      (count, took) -> {
                        commits.incrementAndGet();
                        events.addAndGet(count);
                      }));
      // Listeners hear an event after the record writer has queued it.
      station.listen(
          event -> {
            if (event instanceof Event.RunFinished finished) {
              ended.put(finished.runId(), System.nanoTime());
            } else if (event instanceof Event.RunRecorded recorded) {
              long now = System.nanoTime();
              Long since = ended.remove(recorded.runId());
              int at = measured.getAndIncrement();
              if (since != null && at < latencies.length) {
                latencies[at] = (now - since) / 1_000;
              }
              lastDurable.accumulateAndGet(now, Math::max);
            }
          });
      out.println(READY);
      out.flush();
      String line = in.readLine();
      if (line == null || !GO.equals(line.trim())) {
        return null;
      }
      goNanos = System.nanoTime();
      go = Instant.now();
      report = station.run(station.batch());
    }
    long goMicros = ChronoUnit.MICROS.between(Instant.EPOCH, go);
    long last = lastDurable.get() == 0 ? System.nanoTime() : lastDurable.get();
    long[] kept = new long[Math.min(measured.get(), latencies.length)];
    System.arraycopy(latencies, 0, kept, 0, kept.length);
    Figures figures =
        new Figures(
            shape.station(),
            shape.seed(),
            report.runs().size(),
            report.count(Outcome.PASS),
            report.notRecorded(),
            goMicros,
            goMicros + (last - goNanos) / 1_000,
            commits.get(),
            events.get(),
            kept);
    out.println(
        RESULT + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(figures));
    out.flush();
    return figures;
  }

  /** Reads a station's figures from its {@value #RESULT} line. */
  public static Figures parse(String resultLine) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(resultLine.substring(RESULT.length()), Figures.class);
  }
}
