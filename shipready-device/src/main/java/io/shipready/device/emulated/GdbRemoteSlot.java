package io.shipready.device.emulated;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.IdentityWriter;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.SlotBinding;
import io.shipready.device.gdb.GdbTarget;
import io.shipready.device.serial.LineConsole;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A slot on a GDB server and a console: the connection to the probe and the console are opened for
 * the slot's first unit and serve every unit after it, as the probe and the cable stay while units
 * are swapped.
 */
public final class GdbRemoteSlot implements SlotBinding {
  private static final Duration CONSOLE_CONNECT = Duration.ofSeconds(5);

  private final SlotEndpoints endpoints;
  private final Pattern bootBanner;
  private final String lineEnding;
  private final Duration bootTimeout;
  private final Set<Class<? extends Capability>> capabilities;
  private GdbTarget target;
  private LineConsole console;

  /**
   * @param bootBanner what the firmware prints when it starts, waited for after a reset; null not
   *     to wait
   */
  public GdbRemoteSlot(
      SlotEndpoints endpoints, Pattern bootBanner, String lineEnding, Duration bootTimeout) {
    this.endpoints = requireNonNull(endpoints, "endpoints");
    this.bootBanner = bootBanner;
    this.lineEnding = requireNonNull(lineEnding, "lineEnding");
    this.bootTimeout = requireNonNull(bootTimeout, "bootTimeout");
    // The same capabilities ProbeDevice gives a unit with a serial sticker.
    Set<Class<? extends Capability>> types = new LinkedHashSet<>();
    types.add(Programmer.class);
    if (endpoints.target().identity() != null) {
      types.add(IdentityWriter.class);
    }
    types.add(Power.class);
    if (endpoints.console() != null) {
      types.add(Console.class);
      types.add(Identity.class);
    }
    types.add(Markings.class);
    this.capabilities = Collections.unmodifiableSet(types);
  }

  public SlotEndpoints endpoints() {
    return endpoints;
  }

  /** The boot banner's pattern, or null when the slot does not wait for one. */
  public Pattern bootBanner() {
    return bootBanner;
  }

  public String lineEnding() {
    return lineEnding;
  }

  public Duration bootTimeout() {
    return bootTimeout;
  }

  @Override
  public Set<Class<? extends Capability>> capabilities() {
    return capabilities;
  }

  /**
   * The unit on the probe, with the serial the station gave it. Connects the console when the slot
   * has one; the GDB server is reached when a step first needs it.
   *
   * @throws io.shipready.core.device.DeviceUnreachableException when the console does not answer
   */
  @Override
  public ProbeDevice attach(int number, String serial) {
    requireNonNull(serial, "serial");
    GdbTarget probe;
    LineConsole line;
    synchronized (this) {
      if (target == null) {
        target = new GdbTarget(endpoints.target());
      }
      if (console == null && endpoints.console() != null) {
        console = new LineConsole(endpoints.console().open(CONSOLE_CONNECT), lineEnding);
      }
      probe = target;
      line = console;
    }
    return new ProbeDevice(endpoints.slot(), serial, probe, line, bootBanner, bootTimeout);
  }

  /** Detaches the debugger (the unit keeps running) and closes the console. */
  @Override
  public synchronized void close() {
    if (target != null) {
      target.close();
      target = null;
    }
    if (console != null) {
      console.close();
      console = null;
    }
  }
}
