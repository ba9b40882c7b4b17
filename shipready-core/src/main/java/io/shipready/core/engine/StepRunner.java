package io.shipready.core.engine;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.DeviceException;
import io.shipready.core.event.Event;
import io.shipready.core.event.Event.IrreversibleOperation.Phase;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.RetryPolicy;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.model.StepResult;
import io.shipready.core.model.StepSpec;
import io.shipready.core.step.StepFailedException;
import io.shipready.core.step.StepKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one step of one unit: takes its instrument, tries it as often as its retry policy allows,
 * times each attempt out, judges its measurements and reports every attempt on the event stream.
 */
final class StepRunner {
  private final UnitRun run;
  private final StepSpec spec;
  private final StepKind kind;
  private final boolean teardown;

  /**
   * @param teardown a step of {@code teardown.run}: it runs to its end (and its retries) even when
   *     the run is being aborted, since it is what makes the slot safe again
   */
  StepRunner(UnitRun run, StepSpec spec, boolean teardown) {
    this.run = run;
    this.spec = spec;
    this.kind = run.services().library().get(spec.kind());
    this.teardown = teardown;
  }

  /** Runs the step; returns null when the run was given up while the step hung. */
  StepResult run() {
    Duration total = Duration.ZERO;
    RetryPolicy retry = spec.retry();
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1 && !pauseBeforeRetry(retry.delay()) && !teardown) {
        return cancelledResult(attempt - 1, total);
      }
      AttemptResult last = attempt(attempt);
      if (last == null) {
        return null;
      }
      total = total.plus(last.duration);
      boolean tryAgain =
          attempt < retry.attempts()
              && !last.outcome.passed()
              && retryable(last, retry)
              && (teardown || !run.cancelled());
      if (!tryAgain) {
        return new StepResult(
            spec.id(), spec.kind(), last.outcome, attempt, last.message, last.measurements, total);
      }
    }
  }

  private record AttemptResult(
      StepOutcome outcome,
      String message,
      List<Measurement> measurements,
      Duration duration,
      boolean noRetry) {}

  private AttemptResult attempt(int number) {
    String instrument = spec.lock();
    if (instrument == null) {
      return attemptHoldingLock(number, null);
    }
    InstrumentLocks locks = run.services().locks();
    long waitStarted = System.nanoTime();
    Instrument.Hold hold;
    try {
      hold = waitFor(locks, instrument);
    } catch (InstrumentUnavailableException unavailable) {
      // Busy past the timeout may be retried like any timeout; out of service never comes back.
      StepOutcome outcome = unavailable.outOfService() ? StepOutcome.ERROR : StepOutcome.TIMEOUT;
      return notStarted(
          number, outcome, unavailable.getMessage(), waitStarted, unavailable.outOfService());
    }
    if (hold == null) {
      String reason = run.cancelled() ? run.cancelReason() : "interrupted";
      return notStarted(
          number,
          StepOutcome.ERROR,
          "aborted: " + reason + " while waiting for " + locks.describe(instrument),
          waitStarted,
          true);
    }
    try {
      return attemptHoldingLock(number, hold);
    } finally {
      locks.release(hold);
    }
  }

  /**
   * Waits for the instrument for at most the step's timeout. The wait is watched like an attempt,
   * so a stop of the run or the station ends it at once; the timeout is kept by the lock itself,
   * and the step then has its whole timeout for its work. Returns null when the run was stopped.
   */
  private Instrument.Hold waitFor(InstrumentLocks locks, String instrument) {
    StepAttempt wait = new StepAttempt(run, Thread.currentThread(), Long.MAX_VALUE, null);
    run.attemptStarted(wait);
    Instrument.Hold hold = null;
    StepAttempt.State ended;
    try {
      hold = locks.acquire(instrument, run.slot(), spec.id(), spec.timeout());
    } catch (InterruptedException stopped) {
      // Reported through the attempt's state and the missing hold.
    } finally {
      ended = wait.finish();
      run.attemptEnded(wait);
    }
    if (hold != null && (ended != StepAttempt.State.DONE || run.cancelled())) {
      // Stopped just as the instrument came free: do not start the step on it.
      locks.release(hold);
      return null;
    }
    return hold;
  }

  /** An attempt that ended before its step started, for want of its instrument. */
  private AttemptResult notStarted(
      int number, StepOutcome outcome, String message, long waitStarted, boolean noRetry) {
    Duration waited = Duration.ofNanos(System.nanoTime() - waitStarted);
    run.publish(
        new Event.StepFinished(
            run.runId(),
            run.slot(),
            spec.id(),
            spec.kind(),
            number,
            outcome,
            message,
            waited,
            run.now()));
    return new AttemptResult(outcome, message, List.of(), waited, noRetry);
  }

  /** Runs the attempt; {@code hold} is the instrument it holds, or null. */
  private AttemptResult attemptHoldingLock(int number, Instrument.Hold hold) {
    boolean irreversible = kind.category(spec).irreversible();
    run.publish(
        new Event.StepStarted(run.runId(), run.slot(), spec.id(), spec.kind(), number, run.now()));
    if (irreversible) {
      run.publish(
          new Event.IrreversibleOperation(
              run.runId(), run.slot(), spec.id(), Phase.BEFORE, describe(), run.now()));
    }
    AttemptContext context = new AttemptContext(run, spec);
    StepAttempt attempt =
        new StepAttempt(
            run,
            Thread.currentThread(),
            spec.timeout().toNanos(),
            () -> abandonHung(hold),
            teardown);
    run.attemptStarted(attempt);
    long started = System.nanoTime();
    StepOutcome outcome;
    String message;
    try {
      kind.execute(context);
      String judged = judge(context.measurements());
      outcome = judged.isEmpty() ? StepOutcome.PASS : StepOutcome.FAIL;
      message = judged;
    } catch (StepFailedException failed) {
      outcome = StepOutcome.FAIL;
      message = failed.getMessage();
    } catch (DeviceException device) {
      outcome = device.unitFault() ? StepOutcome.FAIL : StepOutcome.ERROR;
      message = device.getMessage();
    } catch (InterruptedException interrupted) {
      outcome = StepOutcome.ERROR;
      message = "interrupted";
    } catch (ShipreadyException station) {
      // Our own errors already say what is wrong and what to do.
      outcome = StepOutcome.ERROR;
      message = station.getMessage();
    } catch (Exception | LinkageError unexpected) {
      outcome = StepOutcome.ERROR;
      message = unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage();
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - started);
    StepAttempt.State ended = attempt.finish();
    run.attemptEnded(attempt);
    if (ended == StepAttempt.State.ABANDONED) {
      return null;
    }
    boolean cancelled = ended == StepAttempt.State.CANCELLED;
    if (ended == StepAttempt.State.TIMED_OUT) {
      outcome = StepOutcome.TIMEOUT;
      message = "did not finish within " + Timing.text(spec.timeout());
    } else if (cancelled) {
      outcome = StepOutcome.ERROR;
      message = "aborted: " + run.cancelReason();
    }
    if (irreversible) {
      run.publish(
          new Event.IrreversibleOperation(
              run.runId(),
              run.slot(),
              spec.id(),
              outcome.passed() ? Phase.AFTER_SUCCESS : Phase.AFTER_FAILURE,
              describe() + (outcome.passed() ? "" : ": " + message),
              run.now()));
    }
    run.publish(
        new Event.StepFinished(
            run.runId(),
            run.slot(),
            spec.id(),
            spec.kind(),
            number,
            outcome,
            message,
            duration,
            run.now()));
    return new AttemptResult(outcome, message, context.measurements(), duration, cancelled);
  }

  private void abandonHung(Instrument.Hold hold) {
    String instrumentTaken = "";
    if (hold != null) {
      // The hung thread may still drive the instrument: nobody else may have it.
      Event.InstrumentOutOfService outOfService = run.services().locks().takeOutOfService(hold);
      if (outOfService != null) {
        run.services().events().on(outOfService);
        instrumentTaken = "; " + hold.instrument() + " taken out of service";
      }
    }
    run.abandon(
        spec,
        "did not stop within "
            + Timing.text(run.services().abandonGrace())
            + " after its "
            + Timing.text(spec.timeout())
            + " timeout; abandoned, slot taken out of service"
            + instrumentTaken);
  }

  /** Empty when every declared measurement was taken and met its limits; else why not. */
  private String judge(List<Measurement> taken) {
    List<String> problems = new ArrayList<>();
    for (MeasurementSpec declared : spec.measurements()) {
      List<Measurement> values =
          taken.stream().filter(m -> m.name().equals(declared.name())).toList();
      if (values.isEmpty()) {
        problems.add("measurement " + declared.name() + " was not taken");
      }
      values.stream().filter(m -> !m.passed()).forEach(m -> problems.add(m.message()));
    }
    return String.join("; ", problems);
  }

  private boolean retryable(AttemptResult result, RetryPolicy retry) {
    if (result.noRetry) {
      return false;
    }
    return switch (result.outcome) {
      case FAIL -> retry.on().contains(RetryPolicy.On.FAIL);
      case ERROR -> retry.on().contains(RetryPolicy.On.ERROR);
      case TIMEOUT -> retry.on().contains(RetryPolicy.On.TIMEOUT);
      default -> false;
    };
  }

  /** Waits between attempts; false when the run was aborted meanwhile. */
  private boolean pauseBeforeRetry(Duration delay) {
    if (run.cancelled()) {
      return false;
    }
    StepAttempt pause = new StepAttempt(run, Thread.currentThread(), Long.MAX_VALUE, null);
    run.attemptStarted(pause);
    try {
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
    } catch (InterruptedException cancelled) {
      // Reported below through the attempt's state.
    } finally {
      pause.finish();
      run.attemptEnded(pause);
    }
    return !run.cancelled();
  }

  private StepResult cancelledResult(int attempts, Duration total) {
    return new StepResult(
        spec.id(),
        spec.kind(),
        StepOutcome.ERROR,
        attempts,
        "aborted: " + run.cancelReason(),
        List.of(),
        total);
  }

  private String describe() {
    return spec.kind() + (spec.params().isEmpty() ? "" : " " + spec.params());
  }
}
