package io.shipready.core.engine;

/**
 * The life of one attempt of a step, shared between the thread doing the step and the watchdog that
 * may time it out, cancel it or give up on it. Every change happens under this object's monitor, so
 * an interrupt meant for this attempt can never land on the thread's next step.
 */
final class StepAttempt {
  enum State {
    RUNNING,
    DONE,
    TIMED_OUT,
    CANCELLED,
    ABANDONED
  }

  private final UnitRun run;
  private final Thread thread;
  private final long startedNanos = System.nanoTime();
  private final long timeoutNanos;
  private final Runnable onAbandon;
  private final boolean finishesOnAbort;
  private State state = State.RUNNING;
  private long stoppedAtNanos;

  /**
   * @param timeoutNanos how long the attempt may run; Long.MAX_VALUE for no limit
   * @param onAbandon what to do when the attempt was told to stop and did not within the grace
   */
  StepAttempt(UnitRun run, Thread thread, long timeoutNanos, Runnable onAbandon) {
    this(run, thread, timeoutNanos, onAbandon, false);
  }

  /**
   * @param finishesOnAbort a teardown step's attempt: an abort of the run does not stop it (it
   *     switches the fixture off, releases what the run took), only its own timeout does
   */
  StepAttempt(
      UnitRun run, Thread thread, long timeoutNanos, Runnable onAbandon, boolean finishesOnAbort) {
    this.run = run;
    this.thread = thread;
    this.timeoutNanos = timeoutNanos;
    this.onAbandon = onAbandon;
    this.finishesOnAbort = finishesOnAbort;
  }

  UnitRun run() {
    return run;
  }

  /** The step's own thread is done with it; returns the state it ended in. */
  synchronized State finish() {
    if (state == State.RUNNING) {
      state = State.DONE;
    } else {
      // An interrupt was delivered for this attempt; it must not leak into what the thread does
      // next.
      Thread.interrupted();
    }
    return state;
  }

  /** The run is being aborted: ask the step to stop. */
  synchronized void cancel() {
    if (finishesOnAbort) {
      return;
    }
    stop(State.CANCELLED, System.nanoTime());
  }

  /**
   * Called by the watchdog now and then: times the attempt out when its deadline passed, and gives
   * up on it when it was told to stop longer than {@code graceNanos} ago and still runs.
   */
  void check(long nowNanos, long graceNanos) {
    boolean abandon;
    synchronized (this) {
      // Elapsed time compared, never deadlines: System.nanoTime may be any value, even negative.
      boolean late = timeoutNanos != Long.MAX_VALUE && nowNanos - startedNanos >= timeoutNanos;
      if (state == State.RUNNING && late) {
        stop(State.TIMED_OUT, nowNanos);
      }
      abandon =
          (state == State.TIMED_OUT || state == State.CANCELLED)
              && nowNanos - stoppedAtNanos >= graceNanos;
      if (abandon) {
        state = State.ABANDONED;
      }
    }
    if (abandon && onAbandon != null) {
      onAbandon.run();
    }
  }

  synchronized State state() {
    return state;
  }

  private void stop(State reason, long nowNanos) {
    if (state != State.RUNNING) {
      return;
    }
    state = reason;
    stoppedAtNanos = nowNanos;
    thread.interrupt();
  }
}
