package io.shipready.device.sim.particle;

import io.shipready.core.spi.CloudConnection;
import io.shipready.device.sim.Nominal;
import io.shipready.device.sim.SimUnit;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A simulated unit's way to the Particle cloud. A unit that runs its firmware (not in listening
 * mode) on a Device OS connects after a delay of its own, about a minute and a half of simulated
 * time and never under 20 s, as the modem registers and the cloud handshake completes; waits are
 * spent in simulated time, so the time scale shortens them. A unit in listening mode or without
 * Device OS stays disconnected, and a unit with an unresponsive {@code cloud} fault (a SIM not
 * activated, no coverage) stays connecting for ever.
 */
final class ParticleCloud implements CloudConnection {
  static final String OPERATION = "cloud";
  static final Nominal CONNECT_SECONDS = new Nominal(90, 30, 0);
  static final Duration SHORTEST = Duration.ofSeconds(20);

  private final SimUnit unit;
  private final BooleanSupplier runsFirmware;

  /**
   * @param runsFirmware whether the unit runs Device OS and its application now (not listening)
   */
  ParticleCloud(SimUnit unit, BooleanSupplier runsFirmware) {
    this.unit = unit;
    this.runsFirmware = runsFirmware;
  }

  @Override
  public Wait awaitConnected(Duration budget, Duration poll, Consumer<Wait> progress)
      throws InterruptedException {
    boolean never = unit.beginNeverDone(OPERATION);
    boolean running = runsFirmware.getAsBoolean();
    String status = running ? "connecting" : "disconnected";
    Duration delay = running && !never ? delay() : null;
    Duration elapsed = Duration.ZERO;
    while (true) {
      Duration next = min(elapsed.plus(poll), budget);
      if (delay != null && delay.compareTo(next) <= 0) {
        unit.spend(delay.minus(elapsed));
        return new Wait(true, "connected", delay);
      }
      unit.spend(next.minus(elapsed));
      elapsed = next;
      Wait now = new Wait(false, status, elapsed);
      if (elapsed.compareTo(budget) >= 0) {
        return now;
      }
      progress.accept(now);
    }
  }

  /** This unit's own time to connect, the same in every run of the seed. */
  private Duration delay() {
    long seconds = Math.round(unit.measured("cloud_connect_s", CONNECT_SECONDS));
    Duration delay = Duration.ofSeconds(seconds);
    return delay.compareTo(SHORTEST) < 0 ? SHORTEST : delay;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
