package io.shipready.core.spi;

/** Restarting the device. */
public interface Power extends Capability {
  void reboot() throws InterruptedException;
}
