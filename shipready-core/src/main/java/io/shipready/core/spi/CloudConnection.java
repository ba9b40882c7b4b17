package io.shipready.core.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A unit that connects to its vendor's cloud by itself once its firmware runs (a cellular device
 * going from blinking green to breathing cyan). Reaching the cloud can take many minutes, so the
 * wait is the unit's: a simulated unit counts simulated time, a real one wall-clock time.
 */
public interface CloudConnection extends Capability {
  /**
   * Waits until the unit reports a cloud connection, for at most {@code budget} of the unit's time,
   * looking every {@code poll} and telling {@code progress} after each look that did not find it
   * connected.
   *
   * @return how the wait ended; {@link Wait#connected()} false when the budget ran out
   */
  Wait awaitConnected(Duration budget, Duration poll, Consumer<Wait> progress)
      throws InterruptedException;

  /**
   * Where a wait for the cloud stands.
   *
   * @param connected the unit reported itself connected
   * @param status the unit's last reported state, in its own words (connecting, disconnected...)
   * @param elapsed the time spent waiting so far
   */
  record Wait(boolean connected, String status, Duration elapsed) {
    public Wait {
      requireNonNull(status, "status");
      requireNonNull(elapsed, "elapsed");
    }
  }
}
