package io.shipready.core.spi;

import java.util.OptionalDouble;

/**
 * The programmable supply that feeds the unit in its fixture: set, switched on before the unit is
 * worked on and off after, also when the run is aborted, so a unit is never taken out powered.
 */
public interface FixturePower extends Capability {
  /**
   * Sets the output voltage and current limit (each only when given), then switches the output on.
   *
   * @throws io.shipready.core.device.DeviceException when the supply refuses a setting or does not
   *     answer
   */
  void on(OptionalDouble volts, OptionalDouble currentLimitAmps) throws InterruptedException;

  /** Switches the output off. */
  void off() throws InterruptedException;
}
