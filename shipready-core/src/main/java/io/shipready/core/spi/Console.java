package io.shipready.core.spi;

import java.time.Duration;

/** A line-oriented console: send a command, read the reply. */
public interface Console extends Capability {
  /**
   * Sends one line and returns the device's reply.
   *
   * @throws DeviceUnreachableException when nothing comes back within the timeout
   */
  String exchange(String command, Duration timeout) throws InterruptedException;
}
