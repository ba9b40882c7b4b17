package io.shipready.device.emulated;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.IdentityWriter;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.device.gdb.GdbIdentityWriter;
import io.shipready.device.gdb.GdbRemoteProgrammer;
import io.shipready.device.gdb.GdbTarget;
import io.shipready.device.serial.LineConsole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A unit reached through a debug probe's GDB server and its console, emulated or real: programmed
 * and given its identity over the debugger, restarted by a reset, and asked who it is and tested
 * through its console. Its serial sticker is the one the station's unit source gave it.
 */
public final class ProbeDevice implements Device {
  static final String FAMILY = "nrf51";
  private static final Duration IDENTIFY_TIMEOUT = Duration.ofSeconds(5);

  private final String slot;
  private final String serial;
  private final GdbTarget target;
  private final LineConsole console;
  private final Pattern bootBanner;
  private final Duration bootTimeout;
  private final Map<Class<? extends Capability>, Capability> capabilities = new LinkedHashMap<>();

  /**
   * @param serial what the unit's sticker says, or null when it has none
   * @param console the unit's console, or null
   * @param bootBanner what the firmware prints when it starts (waited for after a reset); null not
   *     to wait
   */
  public ProbeDevice(
      String slot,
      String serial,
      GdbTarget target,
      LineConsole console,
      Pattern bootBanner,
      Duration bootTimeout) {
    this.slot = requireNonNull(slot, "slot");
    this.serial = serial;
    this.target = requireNonNull(target, "target");
    this.console = console;
    this.bootBanner = bootBanner;
    this.bootTimeout = requireNonNull(bootTimeout, "bootTimeout");
    capabilities.put(Programmer.class, new GdbRemoteProgrammer(target));
    if (target.settings().identity() != null) {
      capabilities.put(IdentityWriter.class, new GdbIdentityWriter(target));
    }
    capabilities.put(Power.class, (Power) this::reboot);
    if (console != null) {
      capabilities.put(Console.class, console);
      capabilities.put(Identity.class, new ConsoleIdentity());
    }
    if (serial != null) {
      capabilities.put(
          Markings.class,
          (Markings) marking -> Optional.ofNullable(marking.equals("serial") ? serial : null));
    }
  }

  @Override
  public String slot() {
    return slot;
  }

  @Override
  public String family() {
    return FAMILY;
  }

  public String serial() {
    return serial;
  }

  @Override
  public <T extends Capability> Optional<T> capability(Class<T> type) {
    requireNonNull(type, "type");
    return Optional.ofNullable(capabilities.get(type)).map(type::cast);
  }

  private void reboot() throws InterruptedException {
    if (console != null) {
      console.discardPending();
    }
    target.boot();
    if (console != null && bootBanner != null) {
      console.expect(bootBanner, bootTimeout);
    }
  }

  /**
   * Asks the firmware who it is: {@code id} answers {@code ID key=value ...} (the identity block,
   * and {@code ficr=} the chip's own id), {@code version} answers {@code VERSION x.y.z}.
   */
  private final class ConsoleIdentity implements Identity {
    @Override
    public List<Identifier> identifiers() throws InterruptedException {
      List<Identifier> found = new ArrayList<>();
      pairs(ask("id", "ID"))
          .forEach(
              (key, value) -> {
                // The chip id is the same on every emulated unit, so it is a version, not an
                // identity.
                if (!key.equals("ficr")) {
                  found.add(new Identifier(key, value));
                }
              });
      return found;
    }

    @Override
    public Map<String, String> versions() throws InterruptedException {
      Map<String, String> versions = new LinkedHashMap<>();
      versions.put("firmware", ask("version", "VERSION").strip());
      String chip = pairs(ask("id", "ID")).get("ficr");
      if (chip != null) {
        versions.put("chip_id", chip);
      }
      return versions;
    }

    private String ask(String command, String prefix) throws InterruptedException {
      String reply = console.exchange(command, IDENTIFY_TIMEOUT).strip();
      if (!reply.startsWith(prefix + " ")) {
        throw new DeviceUnreachableException(
            "the firmware on the console at "
                + console.describe()
                + " answered '"
                + reply
                + "' to '"
                + command
                + "'; expected a line starting "
                + prefix);
      }
      return reply.substring(prefix.length() + 1);
    }

    private Map<String, String> pairs(String text) {
      Map<String, String> pairs = new LinkedHashMap<>();
      for (String word : text.split("\\s+")) {
        int eq = word.indexOf('=');
        if (eq > 0) {
          pairs.put(word.substring(0, eq), word.substring(eq + 1));
        }
      }
      return pairs;
    }
  }
}
