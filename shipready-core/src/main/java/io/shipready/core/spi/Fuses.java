package io.shipready.core.spi;

/**
 * One-time-programmable bits. A bit once set stays set; writing is allowed only while the device's
 * state allows it.
 */
public interface Fuses extends Capability {
  byte[] read(int offset, int length) throws InterruptedException;

  /**
   * Burns bytes at an offset.
   *
   * @throws OperationRefusedException when the state forbids e-fuse writes, or a bit already set
   *     would have to be cleared
   */
  void write(int offset, byte[] bytes) throws InterruptedException;
}
