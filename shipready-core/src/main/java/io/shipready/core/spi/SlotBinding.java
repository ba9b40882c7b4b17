package io.shipready.core.spi;

import java.util.Set;

/**
 * One slot bound to its driver: what its units will be able to do, and how to attach each unit that
 * comes to it. What the slot holds open for its units (a probe's connection, a console, an
 * instrument) is opened at the first attach and kept for the units after it, until {@link
 * #close()}; attaching after a close opens it again.
 */
public interface SlotBinding extends AutoCloseable {
  /**
   * The capability interfaces every unit attached here will have, known from the settings alone.
   */
  Set<Class<? extends Capability>> capabilities();

  /**
   * The unit now in the slot.
   *
   * @param number the unit's number at the station, from 1 in the order units arrived
   * @param serial the serial the station gives this unit (what a sticker printer at the fixture
   *     prints); drivers whose units report their own identifiers may ignore it
   * @throws io.shipready.core.device.DeviceException when the driver must reach the unit to attach
   *     it (looking it up by its connection path, say) and cannot
   */
  Device attach(int number, String serial) throws InterruptedException;

  /** Closes what the slot holds open; the units attached keep running. */
  @Override
  void close();
}
