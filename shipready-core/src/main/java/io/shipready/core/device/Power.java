package io.shipready.core.device;

/** Restarting the device. */
public interface Power extends Capability {
  void reboot() throws InterruptedException;
}
