package io.shipready.device.sim;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.spi.Radio;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * What every simulated unit has whatever its family: where it is, its settings, its faults and its
 * sense of time. Every operation starts with {@link #begin}: it pays the command latency and lets
 * the faults on that operation act. A family's model ({@link FamilyModel}) builds its capabilities
 * on it.
 */
public final class SimUnit {
  /** Transfers move in this many parts, so progress (and an unplug halfway) is visible. */
  private static final int TRANSFER_PARTS = 64;

  final int unitNumber;
  final String slot;
  final String family;
  final SimulationSettings settings;
  final Derivation derivation;
  final FaultInjector faults = new FaultInjector();
  final Pace pace;

  SimUnit(int unitNumber, String slot, String family, SimulationSettings settings) {
    this.unitNumber = unitNumber;
    this.slot = slot;
    this.family = family;
    this.settings = settings;
    this.derivation = new Derivation(settings.seed());
    this.pace = new Pace(settings.timeScale());
  }

  public int unitNumber() {
    return unitNumber;
  }

  public String slot() {
    return slot;
  }

  /** The family name the unit was built for, as recipes write it. */
  public String family() {
    return family;
  }

  public SimulationSettings settings() {
    return settings;
  }

  /** Values derived from the fleet's seed, for identifiers that must be the same in every run. */
  public Derivation derivation() {
    return derivation;
  }

  /** Spends simulated time outside an operation (a boot after the work is done). */
  public void spend(Duration simulated) throws InterruptedException {
    pace.spend(simulated);
  }

  /**
   * The RSSI the unit reports on its own for a band (not through the station's antenna), with the
   * faults on that band's radio acting as they would on a measurement.
   */
  public double reportedRssi(Radio.Band band, Nominal nominal) {
    String operation = FaultInjector.rssiOperation(band);
    return faults
        .fireValues(operation)
        .valueOverride()
        .orElseGet(() -> measured(operation, nominal));
  }

  /** A label for values derived for this unit, stable for (seed, unit number, family). */
  public String label(String what) {
    return family + "/" + unitNumber + "/" + what;
  }

  /**
   * A number in [0, modulus) that differs for every unit number below the modulus: for identifiers
   * from small spaces (serial digits, MAC suffixes) that must not collide within a fleet.
   */
  public long sequential(String what, long modulus) {
    return Math.floorMod(derivation.number(family + "/" + what) + unitNumber, modulus);
  }

  /** The number a slot name ends with ("slot-3", "A3": 3), or the unit number when it has none. */
  public int slotNumber() {
    int end = slot.length();
    int start = end;
    while (start > 0 && Character.isDigit(slot.charAt(start - 1)) && end - start < 6) {
      start--;
    }
    return start == end ? unitNumber : Integer.parseInt(slot.substring(start, end));
  }

  /** How error messages name this unit. */
  public String where() {
    return "slot " + slot + " (" + family + " unit " + unitNumber + ")";
  }

  public Firing begin(String... names) throws InterruptedException {
    return begin(false, null, names);
  }

  /** Starts an operation that moves bytes; an unplug then happens halfway through the transfer. */
  public Firing beginTransfer(String... names) throws InterruptedException {
    return begin(true, null, names);
  }

  /** Starts a console exchange: an unresponsive console gives up after the reply timeout. */
  public Firing beginExchange(Duration replyTimeout, String name) throws InterruptedException {
    return begin(false, replyTimeout, name);
  }

  /**
   * Starts an operation whose interface cannot throw {@link InterruptedException}: a cancellation
   * becomes a {@link DeviceUnreachableException} with the thread's interrupt flag set again, so the
   * engine still sees the cancellation.
   */
  public Firing beginUninterruptibly(String... names) {
    try {
      return begin(names);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeviceUnreachableException(
          "cancelled while waiting for " + String.join("/", names) + " at " + where());
    }
  }

  /**
   * Spends the time moving {@code bytes} takes over the programming link, reporting the bytes sent
   * so far before each part. An unplug acts halfway.
   */
  public void transfer(long bytes, Firing firing, String what, LongConsumer sent)
      throws InterruptedException {
    int parts = (int) Math.max(1, Math.min(TRANSFER_PARTS, bytes));
    pace.spend(
        settings.transferTime(bytes),
        parts,
        (part, total) -> {
          long done = bytes * part / total;
          sent.accept(done);
          if (firing.unplugged() && part == total / 2) {
            throw unplugged(what + " after " + done + " of " + bytes + " bytes");
          }
        });
    sent.accept(bytes);
  }

  /**
   * Starts an operation whose "never answers" the family gives its own meaning (a unit that never
   * reaches its cloud keeps saying it is connecting), instead of a hang: true when an {@link
   * Fault.Unresponsive} fault acts on this attempt. Other faults act as {@link #begin} makes them.
   */
  public boolean beginNeverDone(String name) throws InterruptedException {
    pace.spend(settings.commandLatency());
    Firing firing = faults.fire(List.of(name));
    if (firing.unplugged()) {
      throw unplugged(name);
    }
    return firing.unresponsive();
  }

  public DeviceUnreachableException unplugged(String during) {
    return new DeviceUnreachableException(
        "lost the unit at "
            + where()
            + " during "
            + during
            + ": it was unplugged; reseat it in the fixture and retry the step");
  }

  /** A measurement around a nominal value, the same for every read of this unit. */
  public double measured(String quantityLabel, Nominal nominal) {
    double value = nominal.mean() + nominal.sigma() * derivation.gaussian(label(quantityLabel));
    double factor = Math.pow(10, nominal.decimals());
    return Math.round(value * factor) / factor;
  }

  private Firing begin(boolean transfer, Duration replyTimeout, String... names)
      throws InterruptedException {
    pace.spend(settings.commandLatency());
    Firing firing = faults.fire(List.of(names));
    if (firing.faults().isEmpty()) {
      return firing;
    }
    var hang = firing.ignoresCancellationFor();
    if (hang.isPresent() && Pace.waitIgnoringInterrupts(hang.get())) {
      Thread.interrupted();
      throw new InterruptedException("cancelled while " + names[0] + " was hanging");
    }
    if (firing.unresponsive()) {
      if (replyTimeout != null) {
        pace.spend(replyTimeout);
        throw new DeviceUnreachableException(
            "no reply from "
                + where()
                + " within "
                + replyTimeout.toMillis()
                + " ms: the unit stopped answering; check its power and cable, then retry");
      }
      pace.hang();
      throw new DeviceUnreachableException(
          "no answer from "
              + where()
              + " to "
              + names[0]
              + " within "
              + Pace.HANG_LIMIT.toMinutes()
              + " minutes: the unit stopped answering; power-cycle it and retry");
    }
    if (firing.unplugged() && !transfer) {
      throw unplugged(names[0]);
    }
    return firing;
  }
}
