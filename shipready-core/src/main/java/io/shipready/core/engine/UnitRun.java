package io.shipready.core.engine;

import io.shipready.core.event.Event;
import io.shipready.core.event.RecordText;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.model.StepResult;
import io.shipready.core.model.StepSpec;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.Device;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One recipe run on one unit in one slot. Steps whose dependencies are done start at once: one on
 * the slot's own thread (no hand-off for the common, sequential case), the others beside it. Every
 * event of the run goes out under the run's lock, so nothing follows its RunFinished.
 */
final class UnitRun {
  /** The failed step of a run the line's route refused: no step of the recipe ran. */
  static final String ROUTE = "route";

  private final StationServices services;
  private final Recipe recipe;
  private final String runId;
  private final String slot;
  private final int unitNumber;
  private final Device device;
  private final String variant;
  private final java.util.function.Consumer<RunResult> onAbandoned;

  private final Map<String, String> attributes = new ConcurrentHashMap<>();
  private final List<Identifier> identifiers = new CopyOnWriteArrayList<>();
  private final Map<String, StepResult> results = new ConcurrentHashMap<>();
  private final List<StepResult> resultsInOrder =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, StepSpec> stepsById = new java.util.HashMap<>();
  private final Instant started;
  private final long startedNanos = System.nanoTime();

  private final Object publishLock = new Object();
  private boolean finished; // guarded by publishLock
  private volatile boolean stopAfterFailure;
  private volatile String cancelReason;
  private boolean routeChecked; // only the slot's own thread starts steps
  private volatile RouteVerdict routeRefusal;

  /** Why the line's route refused the unit; {@code error} when the route could not be read. */
  private record RouteVerdict(String message, boolean error) {}

  UnitRun(
      StationServices services,
      Recipe recipe,
      String runId,
      String slot,
      AttachedUnit unit,
      String variant,
      java.util.function.Consumer<RunResult> onAbandoned) {
    this.services = services;
    this.recipe = recipe;
    this.runId = runId;
    this.slot = slot;
    this.unitNumber = unit.number();
    this.device = unit.device();
    this.variant = variant;
    this.onAbandoned = onAbandoned;
    this.started = services.clock().instant();
    recipe.runSteps().forEach(step -> stepsById.put(step.id(), step));
  }

  /**
   * Runs the unit to its end; returns null when the watchdog ended the run first because a step
   * hung (the slot is then out of service).
   */
  RunResult execute() {
    publish(
        new Event.RunStarted(
            runId,
            slot,
            unitNumber,
            recipe.name(),
            recipe.version(),
            recipe.contentSha256(),
            variant,
            now()));
    // The route is asked in the recipe's steps, once the unit is identified; run setup (the
    // fixture's own preparation) comes before any identification.
    runSection(recipe.runSetup(), false, false);
    runSection(recipe.steps(), false, true);
    runSection(recipe.runTeardown(), true, false);
    return finish(null, null);
  }

  private void runSection(List<StepSpec> section, boolean teardown, boolean gated) {
    Map<String, StepSpec> pending = new LinkedHashMap<>();
    section.forEach(step -> pending.put(step.id(), step));
    BlockingQueue<StepResult> doneBeside = new LinkedBlockingQueue<>();
    int beside = 0;
    while ((!pending.isEmpty() || beside > 0) && !isFinished()) {
      List<StepSpec> ready = takeReady(pending, teardown);
      if (gated && !ready.isEmpty() && !routeAllows(ready)) {
        ready.forEach(step -> skip(step, "refused by the line's route"));
        continue;
      }
      if (!ready.isEmpty()) {
        for (StepSpec step : ready.subList(1, ready.size())) {
          beside++;
          services
              .parallelSteps()
              .execute(
                  () -> {
                    StepResult result = new StepRunner(this, step, teardown).run();
                    // Null: the step hung and the watchdog ended the run; the loop sees that.
                    if (result != null) {
                      doneBeside.add(result);
                    }
                  });
        }
        record(new StepRunner(this, ready.get(0), teardown).run());
        continue;
      }
      if (beside == 0) {
        // Nothing ready and nothing running: the rest waits on steps that never ran.
        pending.values().forEach(step -> skip(step, "its dependencies did not run"));
        pending.clear();
        break;
      }
      try {
        StepResult result = doneBeside.poll(100, TimeUnit.MILLISECONDS);
        if (result != null) {
          beside--;
          record(result);
        }
      } catch (InterruptedException shutdown) {
        cancel("station shut down");
      }
    }
  }

  /**
   * Asks the line's route once, when the first step that is not identification is about to start:
   * the unit is known by then, and nothing has been done to it yet.
   */
  private boolean routeAllows(List<StepSpec> ready) {
    if (routeChecked) {
      return routeRefusal == null;
    }
    boolean identificationOnly =
        ready.stream()
            .allMatch(
                step ->
                    services.library().get(step.kind()).category(step)
                        == io.shipready.core.step.StepCategory.IDENTIFICATION);
    if (identificationOnly) {
      return true;
    }
    routeChecked = true;
    try {
      services
          .route()
          .refusal(List.copyOf(identifiers), runId)
          .ifPresent(why -> routeRefusal = new RouteVerdict(why, false));
    } catch (RuntimeException unreadable) {
      routeRefusal =
          new RouteVerdict(
              "the line's route could not be checked: " + unreadable.getMessage(), true);
    }
    if (routeRefusal != null) {
      publish(new Event.Notice(slot, "unit " + unitNumber + ": " + routeRefusal.message(), now()));
    }
    return routeRefusal == null;
  }

  /** Removes and returns the steps that can start now; skips those that never will. */
  private List<StepSpec> takeReady(Map<String, StepSpec> pending, boolean teardown) {
    List<StepSpec> ready = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (var iterator = pending.values().iterator(); iterator.hasNext(); ) {
        StepSpec step = iterator.next();
        if (!allDone(step.dependsOn())) {
          continue;
        }
        String skipReason = skipReason(step, teardown);
        iterator.remove();
        if (skipReason != null) {
          skip(step, skipReason);
          changed = true;
        } else {
          ready.add(step);
        }
      }
    }
    return ready;
  }

  private boolean allDone(List<String> stepIds) {
    for (String id : stepIds) {
      if (!results.containsKey(id)) {
        return false;
      }
    }
    return true;
  }

  private String skipReason(StepSpec step, boolean teardown) {
    if (!teardown && cancelReason != null) {
      return "aborted: " + cancelReason;
    }
    if (!teardown && routeRefusal != null) {
      return "refused by the line's route";
    }
    if (!teardown && stopAfterFailure) {
      return "run stopped after " + firstProblem().stepId() + " did not pass";
    }
    for (String dependency : step.dependsOn()) {
      // A step allowed to fail (on_fail: continue) still lets the steps after it run.
      boolean mayGoOn =
          stepsById.get(dependency).onFail() == io.shipready.core.model.OnFail.CONTINUE;
      if (!results.get(dependency).outcome().passed() && !mayGoOn) {
        return "depends on " + dependency + ", which did not pass";
      }
    }
    boolean irreversible = services.library().get(step.kind()).category(step).irreversible();
    if (irreversible && firstProblem() != null) {
      return "irreversible, and " + firstProblem().stepId() + " did not pass";
    }
    return null;
  }

  private void skip(StepSpec step, String reason) {
    publish(
        new Event.StepFinished(
            runId,
            slot,
            step.id(),
            step.kind(),
            0,
            StepOutcome.SKIPPED,
            reason,
            Duration.ZERO,
            now()));
    record(
        new StepResult(
            step.id(), step.kind(), StepOutcome.SKIPPED, 0, reason, List.of(), Duration.ZERO));
  }

  private void record(StepResult result) {
    if (result == null) {
      return;
    }
    results.put(result.stepId(), result);
    resultsInOrder.add(result);
    boolean failed = !result.outcome().passed() && result.outcome() != StepOutcome.SKIPPED;
    if (failed) {
      StepSpec spec = stepsById.get(result.stepId());
      if (spec.onFail() == io.shipready.core.model.OnFail.STOP) {
        stopAfterFailure = true;
      }
    }
  }

  /** The first step that ran and did not pass, or null. */
  private StepResult firstProblem() {
    synchronized (resultsInOrder) {
      for (StepResult result : resultsInOrder) {
        if (!result.outcome().passed() && result.outcome() != StepOutcome.SKIPPED) {
          return result;
        }
      }
    }
    return null;
  }

  /**
   * Ends the run: the normal end (both null) or a step given up on while hanging. Returns null when
   * the run had already ended.
   */
  private RunResult finish(StepSpec abandonedStep, String abandonMessage) {
    RunResult ended;
    synchronized (publishLock) {
      if (finished) {
        return null;
      }
      Outcome outcome;
      String failedStep = "";
      String message = "";
      if (abandonedStep != null) {
        services
            .events()
            .on(
                new Event.StepFinished(
                    runId,
                    slot,
                    abandonedStep.id(),
                    abandonedStep.kind(),
                    0,
                    StepOutcome.ERROR,
                    abandonMessage,
                    Duration.ZERO,
                    now()));
        outcome = Outcome.ERROR;
        failedStep = abandonedStep.id();
        message = abandonMessage;
      } else {
        StepResult problem = firstProblem();
        if (cancelReason != null) {
          outcome = Outcome.ABORTED;
          message = "aborted: " + cancelReason;
          failedStep = problem == null ? "" : problem.stepId();
        } else if (routeRefusal != null) {
          outcome = routeRefusal.error() ? Outcome.ERROR : Outcome.FAIL;
          failedStep = ROUTE;
          message = routeRefusal.message();
        } else if (problem == null) {
          outcome = Outcome.PASS;
        } else {
          outcome = problem.outcome() == StepOutcome.FAIL ? Outcome.FAIL : Outcome.ERROR;
          failedStep = problem.stepId();
          // Shown in the summary as the record keeps it: control characters visible, not acted on.
          message = RecordText.safe(problem.message(), RecordText.STATION_LIMIT);
        }
      }
      Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
      ended =
          new RunResult(
              runId,
              slot,
              unitNumber,
              identifiers,
              attributes,
              outcome,
              failedStep,
              message,
              resultsInOrder,
              started,
              duration);
      services
          .events()
          .on(
              new Event.RunFinished(
                  runId, slot, unitNumber, outcome, failedStep, message, duration, now()));
      finished = true;
    }
    boolean durable = awaitDurable();
    services
        .events()
        .on(new Event.RunRecorded(runId, slot, unitNumber, ended.outcome(), durable, now()));
    return durable || !services.records().keepsRecords() ? ended : ended.withNotRecorded(true);
  }

  private boolean awaitDurable() {
    try {
      return services.records().awaitDurable(runId, services.durableTimeout());
    } catch (InterruptedException shutdown) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException notStored) {
      // The outcome must not be shown as final: say loudly that the record is missing.
      services
          .events()
          .on(
              new Event.Notice(
                  slot,
                  "the record of unit "
                      + unitNumber
                      + " (run "
                      + runId
                      + ") was NOT stored: "
                      + notStored.getMessage(),
                  now()));
      return false;
    }
  }

  /** Called by the watchdog when a step ignored its timeout for too long. */
  void abandon(StepSpec step, String message) {
    RunResult ended = finish(step, message);
    if (ended != null) {
      onAbandoned.accept(ended);
    }
  }

  void cancel(String reason) {
    cancelReason = reason;
    services.watchdog().cancelAll(this);
  }

  boolean cancelled() {
    return cancelReason != null;
  }

  String cancelReason() {
    return cancelReason;
  }

  void attemptStarted(StepAttempt attempt) {
    services.watchdog().watch(attempt);
    if (cancelReason != null) {
      attempt.cancel();
    }
  }

  void attemptEnded(StepAttempt attempt) {
    services.watchdog().unwatch(attempt);
  }

  void publish(Event event) {
    synchronized (publishLock) {
      if (!finished) {
        services.events().on(event);
      }
    }
  }

  boolean isFinished() {
    synchronized (publishLock) {
      return finished;
    }
  }

  void addIdentifiers(List<Identifier> found) {
    List<Identifier> fresh = found.stream().filter(id -> !identifiers.contains(id)).toList();
    identifiers.addAll(fresh);
    if (!fresh.isEmpty()) {
      publish(new Event.UnitIdentified(runId, slot, fresh, now()));
    }
  }

  Instant now() {
    return services.clock().instant();
  }

  Recipe recipe() {
    return recipe;
  }

  StationServices services() {
    return services;
  }

  Device device() {
    return device;
  }

  String slot() {
    return slot;
  }

  String runId() {
    return runId;
  }

  Map<String, String> attributes() {
    return attributes;
  }

  List<Identifier> identifiers() {
    return identifiers;
  }
}
