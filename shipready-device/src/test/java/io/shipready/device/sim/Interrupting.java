package io.shipready.device.sim;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Runs an operation on its own thread and cancels it the way the engine does: by interrupting. */
final class Interrupting {
  private Interrupting() {}

  interface Operation {
    void run() throws Exception;
  }

  /** What the operation threw (null when it returned), how long it ran, and its interrupt flag. */
  record Result(Throwable thrown, Duration ran, boolean stillInterrupted) {}

  static Result interruptAfter(Duration delay, Operation operation) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>(false);
    long[] nanos = {0};
    Thread thread =
        new Thread(
            () -> {
              long start = System.nanoTime();
              try {
                operation.run();
              } catch (Throwable t) {
                thrown.set(t);
              } finally {
                nanos[0] = System.nanoTime() - start;
                flag.set(Thread.currentThread().isInterrupted());
              }
            },
            "simulated-step");
    thread.start();
    Thread.sleep(delay.toMillis());
    thread.interrupt();
    thread.join(Duration.ofSeconds(10).toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("the operation did not end within 10 s of being interrupted");
    }
    return new Result(thrown.get(), Duration.ofNanos(nanos[0]), flag.get());
  }
}
