package io.shipready.core.engine;

import io.shipready.core.model.StepSpec;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import io.shipready.core.step.StepKind;
import io.shipready.core.step.StepLibrary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Step kinds whose behaviour a test controls: how long they take, whether they fail, whether they
 * ignore being cancelled. They record how many ran at once so tests can see parallelism and locks.
 */
final class TestKinds {
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final Map<String, Long> startedNanos = new ConcurrentHashMap<>();
  final Map<String, Long> endedNanos = new ConcurrentHashMap<>();

  StepLibrary library() {
    return new StepLibrary()
        .add(kind("work", StepCategory.ACTION, this::work))
        .add(kind("check", StepCategory.CHECK, this::work))
        .add(kind("identify", StepCategory.IDENTIFICATION, this::work))
        .add(kind("burn", StepCategory.IRREVERSIBLE, this::work))
        .add(kind("finalize", StepCategory.FINALIZATION, this::work))
        .add(kind("stubborn", StepCategory.ACTION, this::stubborn));
  }

  /** Sleeps for `ms`; fails while `fail_times` attempts remain (FAIL, or ERROR with `error`). */
  private void work(StepContext context) throws InterruptedException {
    String key = context.runId() + "/" + context.spec().id();
    int call = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    int now = running.incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
    startedNanos.putIfAbsent(key, System.nanoTime());
    try {
      context.sleep(Duration.ofMillis(context.integer("ms", 0)));
      if (call <= context.integer("fail_times", 0)) {
        if (context.flag("error", false)) {
          throw new IllegalStateException("boom on attempt " + call);
        }
        throw new StepFailedException("failed on attempt " + call);
      }
      context
          .spec()
          .measurements()
          .forEach(m -> context.param("value").ifPresent(v -> context.measure(m.name(), v)));
    } finally {
      running.decrementAndGet();
      endedNanos.put(key, System.nanoTime());
    }
  }

  /** Ignores interrupts for `ms`, as a hung driver call would. */
  private void stubborn(StepContext context) {
    if (context.device() instanceof TestUnits.BareDevice bare && !bare.hangs()) {
      return;
    }
    long until = System.nanoTime() + context.integer("ms", 0) * 1_000_000;
    while (System.nanoTime() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException ignored) {
        // deliberately ignored
      }
    }
  }

  interface Body {
    void run(StepContext context) throws Exception;
  }

  static StepKind kind(String name, StepCategory category, Body body) {
    return new StepKind() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return name;
      }

      @Override
      public List<ParamSpec> params() {
        return List.of();
      }

      @Override
      public StepCategory category(StepSpec spec) {
        return category;
      }

      @Override
      public boolean takesMeasurements() {
        return true;
      }

      @Override
      public void execute(StepContext context) throws Exception {
        body.run(context);
      }
    };
  }
}
