package io.shipready.core.engine;

/**
 * The life of one attempt of a step, shared between the thread doing the step and the watchdog
 * that may time it out, cancel it or give up on it. Every change happens under this object's
 * monitor, so an interrupt meant for this attempt can never land on the thread's next step.
 */
final class StepAttempt {
  enum State {
    RUNNING,
    DONE,
    TIMED_OUT,
    CANCELLED,
    ABANDONED
  }

  private final Thread thread;
  private State state = State.RUNNING;

  StepAttempt(Thread thread) {
    this.thread = thread;
  }

  /** The step's own thread is done with it; returns the state it ended in. */
  synchronized State finish() {
    if (state == State.RUNNING) {
      state = State.DONE;
    } else {
      // An interrupt was delivered for this attempt; it must not leak into what the thread does next.
      Thread.interrupted();
    }
    return state;
  }

  /** The watchdog's timer rang: ask the step to stop. */
  synchronized boolean timeOut() {
    return stop(State.TIMED_OUT);
  }

  /** The run is being aborted: ask the step to stop. */
  synchronized boolean cancel() {
    return stop(State.CANCELLED);
  }

  /** The step was asked to stop and still runs: the run goes on without it. */
  synchronized boolean abandonIfStillRunning() {
    if (state == State.TIMED_OUT || state == State.CANCELLED) {
      state = State.ABANDONED;
      return true;
    }
    return false;
  }

  synchronized State state() {
    return state;
  }

  private boolean stop(State reason) {
    if (state != State.RUNNING) {
      return false;
    }
    state = reason;
    thread.interrupt();
    return true;
  }
}
