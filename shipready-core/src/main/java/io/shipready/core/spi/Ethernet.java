package io.shipready.core.spi;

/** Whether the device's Ethernet interface is up (after a board configuration and reboot). */
public interface Ethernet extends Capability {
  boolean linkUp() throws InterruptedException;
}
