package io.shipready.device.sim;

import io.shipready.core.spi.Power;
import java.time.Duration;

/**
 * Restarts a unit: the family's state changes at once (a new IP address, a flag that only counts at
 * boot), then the boot takes its time.
 */
public final class Rebooter implements Power {
  private final SimUnit unit;
  private final Duration bootTime;
  private final Runnable onReboot;

  public Rebooter(SimUnit unit, Duration bootTime, Runnable onReboot) {
    this.unit = unit;
    this.bootTime = bootTime;
    this.onReboot = onReboot;
  }

  @Override
  public void reboot() throws InterruptedException {
    unit.begin("reboot");
    onReboot.run();
    unit.pace.spend(bootTime);
  }
}
