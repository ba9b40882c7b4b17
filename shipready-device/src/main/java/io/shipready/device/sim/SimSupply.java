package io.shipready.device.sim;

import io.shipready.core.device.DeviceException;
import io.shipready.core.spi.FixturePower;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The fixture's programmable supply on a simulated unit: keeps the output's state and settings,
 * refuses a voltage beyond what the family's fixture may feed (it would damage the unit), and takes
 * the time a supply takes to settle.
 */
public final class SimSupply implements FixturePower {
  private static final Duration SETTLE = Duration.ofMillis(50);

  private final SimUnit unit;
  private final double maxVolts;
  private boolean used; // guarded by this
  private boolean on; // guarded by this
  private double volts = Double.NaN; // guarded by this

  /**
   * @param maxVolts the highest voltage the unit may be fed
   */
  public SimSupply(SimUnit unit, double maxVolts) {
    this.unit = unit;
    this.maxVolts = maxVolts;
  }

  @Override
  public void on(OptionalDouble volts, OptionalDouble currentLimitAmps)
      throws InterruptedException {
    if (volts.isPresent() && (volts.getAsDouble() <= 0 || volts.getAsDouble() > maxVolts)) {
      throw new DeviceException(
          "the fixture at slot "
              + unit.slot
              + " will not feed a "
              + unit.family
              + " unit "
              + volts.getAsDouble()
              + " V; it takes at most "
              + maxVolts
              + " V (check the recipe's fixture_power voltage)",
          false);
    }
    synchronized (this) {
      this.used = true;
      this.on = true;
      volts.ifPresent(v -> this.volts = v);
    }
    unit.spend(SETTLE);
  }

  @Override
  public void off() throws InterruptedException {
    synchronized (this) {
      used = true;
      on = false;
    }
    unit.spend(SETTLE);
  }

  /** Whether the output is on, for tests. */
  public synchronized boolean isOn() {
    return on;
  }

  /**
   * What the unit is fed: empty while no recipe step set the supply (the fixture's usual supply), 0
   * with the output off, else the voltage set.
   */
  synchronized OptionalDouble outputVolts() {
    if (!used || (on && Double.isNaN(volts))) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(on ? volts : 0);
  }
}
