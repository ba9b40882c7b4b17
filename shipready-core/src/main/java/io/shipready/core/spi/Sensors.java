package io.shipready.core.spi;

/**
 * Quantities the fixture measures on the unit (supply voltage, current, temperature...), by name.
 */
public interface Sensors extends Capability {
  /**
   * @throws DeviceException when the fixture has no such quantity
   */
  double read(String quantity) throws InterruptedException;
}
