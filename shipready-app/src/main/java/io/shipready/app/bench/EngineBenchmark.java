package io.shipready.app.bench;

import io.shipready.app.assembly.AssembledStation;
import io.shipready.app.assembly.SimulationChoice;
import io.shipready.app.assembly.StationAssembly;
import io.shipready.app.assembly.StationSetup;
import io.shipready.app.assembly.UnitSupply;
import io.shipready.core.Spread;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.Event;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepResult;
import io.shipready.core.model.StepSpec;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.StationSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a station as a user's {@code shipready run --simulate} gets it: the same assembly (the
 * station, its simulated units of a real device family, its record writer into a real store), one
 * unit per slot, every unit a chain of steps that each wait a fixed time, all slots at once. The
 * ideal is the chain's length.
 *
 * <p>Rounds alternate with a baseline of bare threads doing the same waits in the same process
 * (station then bare, bare then station, ...), so a machine that slows down in the middle slows
 * both. One round of each warms the JIT and the store and is not counted. Figures are the median of
 * the rounds with their min and max, never the best: a user gets a typical round, not the luckiest.
 */
public final class EngineBenchmark {
  /** The device family simulated, as the sample line's recipe (and so {@code run}) uses. */
  public static final String FAMILY = "particle";

  /** What one station round measured. */
  public record Round(
      double wallSeconds,
      double baselineSeconds,
      double skewMedianMillis,
      double skewMaxMillis,
      double firstStartMillis,
      double overheadMicrosPerStep,
      double stepOvershootMicros,
      long events,
      long passed,
      long notRecorded) {}

  /** What a benchmark measured over its rounds. */
  public record Result(
      int slots,
      int steps,
      double stepMs,
      String store,
      String devices,
      double idealSeconds,
      Spread wallSeconds,
      Spread baselineSeconds,
      Spread skewMedianMillis,
      double skewMaxMillis,
      Spread firstStartMillis,
      Spread overheadMicrosPerStep,
      Spread stepOvershootMicros,
      List<Round> rounds) {

    /** Ideal over the median wall time. */
    public double efficiency() {
      return idealSeconds / wallSeconds.median();
    }

    /** Ideal over the median wall time of the bare threads: what this machine allows. */
    public double baselineEfficiency() {
      return idealSeconds / baselineSeconds.median();
    }

    /** The station's median efficiency as a share of the bare threads'. */
    public double ofBaseline() {
      return baselineSeconds.median() / wallSeconds.median();
    }

    public long unitsPassed() {
      return rounds.stream().mapToLong(Round::passed).min().orElse(0);
    }

    public long notRecorded() {
      return rounds.stream().mapToLong(Round::notRecorded).sum();
    }
  }

  private final int slots;
  private final int steps;
  private final Duration stepTime;
  private final String storeUrl;

  /**
   * @param storeUrl the records (SQLite file or JDBC URL); null for the engine alone, no records
   */
  public EngineBenchmark(int slots, int steps, Duration stepTime, String storeUrl) {
    if (slots < 1 || steps < 1 || stepTime.isNegative()) {
      throw new IllegalArgumentException("slots and steps must be at least 1, step time >= 0");
    }
    this.slots = slots;
    this.steps = steps;
    this.stepTime = stepTime;
    this.storeUrl = storeUrl;
  }

  /** One round of each to warm up, then {@code rounds} of each in alternation. */
  public Result run(int rounds) throws Exception {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1");
    }
    String storeDescribed = "none";
    station(0);
    baseline();
    List<Round> measured = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      double bare;
      StationRound station;
      if (round % 2 == 1) {
        station = station(round);
        bare = baseline();
      } else {
        bare = baseline();
        station = station(round);
      }
      storeDescribed = station.store;
      measured.add(station.with(bare));
    }
    return new Result(
        slots,
        steps,
        stepTime.toNanos() / 1e6,
        storeDescribed,
        "simulated " + FAMILY,
        steps * stepTime.toNanos() / 1e9,
        Spread.of(measured.stream().map(Round::wallSeconds).toList()),
        Spread.of(measured.stream().map(Round::baselineSeconds).toList()),
        Spread.of(measured.stream().map(Round::skewMedianMillis).toList()),
        measured.stream().mapToDouble(Round::skewMaxMillis).max().orElse(0),
        Spread.of(measured.stream().map(Round::firstStartMillis).toList()),
        Spread.of(measured.stream().map(Round::overheadMicrosPerStep).toList()),
        Spread.of(measured.stream().map(Round::stepOvershootMicros).toList()),
        List.copyOf(measured));
  }

  /** A station round before its baseline is known. */
  private record StationRound(String store, Round partial) {
    Round with(double baselineSeconds) {
      return new Round(
          partial.wallSeconds(),
          baselineSeconds,
          partial.skewMedianMillis(),
          partial.skewMaxMillis(),
          partial.firstStartMillis(),
          partial.overheadMicrosPerStep(),
          partial.stepOvershootMicros(),
          partial.events(),
          partial.passed(),
          partial.notRecorded());
    }
  }

  private StationRound station(int round) throws Exception {
    AtomicLong events = new AtomicLong();
    // Each slot's first step start, as the engine stamped it: when each unit really began.
    Map<String, Instant> firstStart = new ConcurrentHashMap<>();
    String firstStep = "step_1";
    StationReport report;
    String described;
    Instant batchStart;
    // A seed per round: each round's units are new units.
    try (AssembledStation station =
        assemble(
            chain(slots, steps, stepTime, false),
            slots,
            slots,
            round + 1,
            storeUrl,
            "engine-bench")) {
      described = station.store().map(io.shipready.store.Store::describe).orElse("none");
      station.listen(
          event -> {
            events.incrementAndGet();
            if (event instanceof Event.StepStarted started
                && started.attempt() == 1
                && firstStep.equals(started.stepId())) {
              firstStart.putIfAbsent(started.slot(), started.at());
            }
          });
      batchStart = Instant.now();
      report = station.run(station.batch());
    }

    double wallSeconds = report.wallTime().toNanos() / 1e9;
    double overheadSum = 0;
    double overshootSum = 0;
    for (RunResult run : report.runs()) {
      long inSteps = run.steps().stream().mapToLong(s -> s.duration().toNanos()).sum();
      overheadSum += (run.duration().toNanos() - inSteps) / 1e3 / steps;
      for (StepResult step : run.steps()) {
        overshootSum += (step.duration().toNanos() - stepTime.toNanos()) / 1e3;
      }
    }
    int runs = Math.max(1, report.runs().size());
    // The skew is the spread across slots: each unit's first step after the first unit's. How long
    // the first unit took to begin after the batch was started (slot threads made, first units
    // attached) is a latency of its own.
    Instant first = firstStart.values().stream().min(Instant::compareTo).orElse(batchStart);
    List<Double> skews = new ArrayList<>();
    for (Instant started : firstStart.values()) {
      skews.add(Duration.between(first, started).toNanos() / 1e6);
    }
    Spread skew = skews.isEmpty() ? new Spread(0, 0, 0) : Spread.of(skews);
    double firstStartMillis = Math.max(0, Duration.between(batchStart, first).toNanos() / 1e6);
    return new StationRound(
        described,
        new Round(
            wallSeconds,
            0,
            skew.median(),
            skew.max(),
            firstStartMillis,
            overheadSum / runs,
            overshootSum / runs / steps,
            events.get(),
            report.count(Outcome.PASS),
            report.notRecorded()));
  }

  /** The same waits on bare threads, one per slot: what the machine itself allows. */
  private double baseline() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(slots);
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < slots; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  go.await();
                  for (int s = 0; s < steps; s++) {
                    Thread.sleep(stepTime.toMillis(), (int) (stepTime.toNanos() % 1_000_000));
                  }
                } catch (InterruptedException stop) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              });
      thread.setDaemon(true);
      thread.start();
    }
    long started = System.nanoTime();
    go.countDown();
    done.await();
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * A station as {@code run --simulate BATCH --slots SLOTS --seed SEED} builds it, running {@code
   * recipe} on simulated units of {@link #FAMILY}: no faults, the recipe's time (the waits are real
   * time).
   *
   * @param storeUrl the records (SQLite file or JDBC URL); null for none
   */
  public static AssembledStation assemble(
      Recipe recipe, int slots, int batch, long seed, String storeUrl, String stationId)
      throws Exception {
    return StationAssembly.assemble(
        StationSetup.builder()
            .recipe(recipe)
            .units(
                new UnitSupply.Simulated(
                    batch, slots, new SimulationChoice(seed, 0, null), 0, false))
            .store(storeUrl)
            .stationId(stationId)
            .build());
  }

  /**
   * A chain of {@code steps} steps for {@code slots} slots, each after the one before: waits of
   * {@code stepTime}, the first step identifying the unit instead when {@code identifyFirst} (so
   * the records find or make the unit, as a real station's first step does).
   */
  public static Recipe chain(int slots, int steps, Duration stepTime, boolean identifyFirst) {
    List<StepSpec> chain = new ArrayList<>();
    for (int i = 1; i <= steps; i++) {
      String id = "step_" + i;
      boolean identify = identifyFirst && i == 1;
      chain.add(
          new StepSpec(
              id,
              identify ? "identify" : "wait",
              id,
              identify ? Map.of() : Map.of("duration", stepTime),
              List.of(),
              Duration.ofSeconds(30),
              null,
              null,
              i == 1 ? List.of() : List.of("step_" + (i - 1)),
              null,
              null));
    }
    return new Recipe(
        "engine-bench",
        "1",
        "a chain of waits",
        new StationSpec("bench", FAMILY, slots, List.of()),
        List.of(),
        List.of(),
        chain,
        List.of(),
        List.of(),
        Map.of(),
        Map.of(),
        // The recipe names no file; its folder is where files it named would be looked for.
        java.nio.file.Path.of("").toAbsolutePath(),
        "engine-bench",
        "");
  }
}
