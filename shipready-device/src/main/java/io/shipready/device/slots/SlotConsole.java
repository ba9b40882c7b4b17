package io.shipready.device.slots;

import io.shipready.core.spi.Console;
import io.shipready.device.emulated.SlotEndpoints.ConsoleEndpoint;
import io.shipready.device.serial.LineConsole;
import java.time.Duration;

/**
 * A slot's console, opened when a step first uses it and kept for every unit after: a console that
 * cannot be opened is then an error of that step, recorded with the unit, not a slot that stops.
 */
final class SlotConsole implements Console {
  private static final Duration CONNECT = Duration.ofSeconds(5);

  private final String slot;
  private final ConsoleEndpoint endpoint;
  private final String lineEnding;
  private LineConsole open;

  SlotConsole(String slot, ConsoleEndpoint endpoint, String lineEnding) {
    this.slot = slot;
    this.endpoint = endpoint;
    this.lineEnding = lineEnding;
  }

  @Override
  public synchronized String exchange(String command, Duration timeout)
      throws InterruptedException {
    if (open == null) {
      open = new LineConsole(endpoint.open(CONNECT), lineEnding);
    }
    return open.exchange(command, timeout);
  }

  synchronized void close() {
    if (open != null) {
      open.close();
      open = null;
    }
  }

  @Override
  public String toString() {
    return "console of slot " + slot + " at " + endpoint;
  }
}
