package io.shipready.app.bench;

import io.shipready.app.assembly.AssembledStation;
import io.shipready.app.assembly.StationAssembly;
import io.shipready.app.assembly.StationSetup;
import io.shipready.app.assembly.UnitSupply;
import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepResult;
import io.shipready.core.model.StepSpec;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.StationSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.UnitSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what the engine costs: one unit per slot, every unit a chain of steps that each wait a
 * fixed time, all slots at once. The ideal is the chain's length; the engine's overhead is what a
 * run takes beyond the time its steps spent in their own work. A baseline of bare threads doing the
 * same waits runs in the same process, so the two can be compared side by side.
 */
public final class EngineBenchmark {

  /** What one benchmark run measured. */
  public record Result(
      int slots,
      int steps,
      double stepMs,
      double wallSeconds,
      double idealSeconds,
      double efficiency,
      double overheadMicrosPerStep,
      double stepOvershootMicros,
      double baselineWallSeconds,
      double baselineEfficiency,
      long events,
      long passed) {}

  private final int slots;
  private final int steps;
  private final Duration stepTime;

  public EngineBenchmark(int slots, int steps, Duration stepTime) {
    if (slots < 1 || steps < 1 || stepTime.isNegative()) {
      throw new IllegalArgumentException("slots and steps must be at least 1, step time >= 0");
    }
    this.slots = slots;
    this.steps = steps;
    this.stepTime = stepTime;
  }

  /** Runs one round to warm up, then the measured rounds, keeping the best (least disturbed). */
  public Result run(int rounds) throws InterruptedException {
    once(slots, steps);
    Result best = null;
    for (int round = 0; round < rounds; round++) {
      Result result = once(slots, steps);
      if (best == null || result.wallSeconds() < best.wallSeconds()) {
        best = result;
      }
    }
    return best;
  }

  private Result once(int slotCount, int stepCount) throws InterruptedException {
    Recipe recipe = chain(slotCount, stepCount);
    AtomicLong events = new AtomicLong();
    StationReport report;
    try (AssembledStation station =
        StationAssembly.assemble(
            StationSetup.builder()
                .recipe(recipe)
                .units(
                    new UnitSupply.Given(
                        Station.Builder.numberedSlots(slotCount),
                        new OneUnitPerSlot(slotCount),
                        true))
                .build())) {
      station.listen(event -> events.incrementAndGet());
      report = station.station().run(station.batch());
    } catch (InterruptedException | RuntimeException passOn) {
      throw passOn;
    } catch (Exception closing) {
      throw new IllegalStateException(closing);
    }

    double idealSeconds = stepCount * stepTime.toNanos() / 1e9;
    double wallSeconds = report.wallTime().toNanos() / 1e9;
    double overheadSum = 0;
    double overshootSum = 0;
    for (RunResult run : report.runs()) {
      long inSteps = run.steps().stream().mapToLong(s -> s.duration().toNanos()).sum();
      overheadSum += (run.duration().toNanos() - inSteps) / 1e3 / stepCount;
      for (StepResult step : run.steps()) {
        overshootSum += (step.duration().toNanos() - stepTime.toNanos()) / 1e3;
      }
    }
    int runs = Math.max(1, report.runs().size());
    double baselineSeconds = baseline(slotCount, stepCount);
    return new Result(
        slotCount,
        stepCount,
        stepTime.toNanos() / 1e6,
        wallSeconds,
        idealSeconds,
        idealSeconds / wallSeconds,
        overheadSum / runs,
        overshootSum / runs / stepCount,
        baselineSeconds,
        idealSeconds / baselineSeconds,
        events.get(),
        report.count(Outcome.PASS));
  }

  /** The same waits on bare threads: what the machine itself allows. */
  private double baseline(int slotCount, int stepCount) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(slotCount);
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < slotCount; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  go.await();
                  for (int s = 0; s < stepCount; s++) {
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

  private Recipe chain(int slotCount, int stepCount) {
    List<StepSpec> chain = new ArrayList<>();
    for (int i = 1; i <= stepCount; i++) {
      String id = "step_" + i;
      chain.add(
          new StepSpec(
              id,
              "wait",
              id,
              Map.of("duration", stepTime),
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
        new StationSpec("bench", "none", slotCount, List.of()),
        List.of(),
        List.of(),
        chain,
        List.of(),
        List.of(),
        Map.of(),
        Map.of(),
        null,
        "engine-bench",
        "");
  }

  /** Exactly one unit per slot, so every slot starts at once. */
  private static final class OneUnitPerSlot implements UnitSource {
    private final int count;
    private final AtomicInteger next = new AtomicInteger();
    private final java.util.Set<String> served = java.util.concurrent.ConcurrentHashMap.newKeySet();

    OneUnitPerSlot(int count) {
      this.count = count;
    }

    @Override
    public Optional<AttachedUnit> next(String slot) {
      if (!served.add(slot)) {
        return Optional.empty();
      }
      int number = next.incrementAndGet();
      return number > count
          ? Optional.empty()
          : Optional.of(new AttachedUnit(number, new NoDevice(slot)));
    }
  }

  private record NoDevice(String slot) implements Device {
    @Override
    public String family() {
      return "none";
    }

    @Override
    public <T extends Capability> Optional<T> capability(Class<T> type) {
      return Optional.empty();
    }
  }
}
