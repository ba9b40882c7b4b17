package io.shipready.device.emulated;

import static java.util.Objects.requireNonNull;

import io.shipready.core.engine.AttachedUnit;
import io.shipready.core.engine.UnitSource;
import io.shipready.device.gdb.GdbTarget;
import io.shipready.device.serial.ConsoleLink;
import io.shipready.device.serial.LineConsole;
import io.shipready.device.serial.SerialPortLink;
import io.shipready.device.serial.TcpConsoleLink;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Units on the slots of a slot map: each slot's probe and console are opened once and serve every
 * unit that comes to the slot. Each unit gets the next serial from the station's sequence ({@code
 * <prefix><number>}), as a sticker printer at the fixture would give it.
 */
public final class ProbeUnits implements UnitSource, AutoCloseable {
  private static final Duration CONSOLE_CONNECT = Duration.ofSeconds(5);

  private final SlotMap map;
  private final int count;
  private final String serialPrefix;
  private final Duration bootTimeout;
  private final AtomicInteger next = new AtomicInteger();
  private final Map<String, GdbTarget> targets = new ConcurrentHashMap<>();
  private final Map<String, LineConsole> consoles = new ConcurrentHashMap<>();

  /**
   * @param count how many units to run in all, handed to slots as they free up
   * @param serialPrefix the start of every serial this source gives out
   */
  public ProbeUnits(SlotMap map, int count, String serialPrefix, Duration bootTimeout) {
    this.map = requireNonNull(map, "map");
    this.count = count;
    this.serialPrefix = requireNonNull(serialPrefix, "serialPrefix");
    this.bootTimeout = requireNonNull(bootTimeout, "bootTimeout");
  }

  @Override
  public Optional<AttachedUnit> next(String slot) {
    SlotEndpoints endpoints = map.bySlot().get(slot);
    if (endpoints == null) {
      throw new IllegalArgumentException("slot " + slot + " is not in the slot map");
    }
    int number = next.incrementAndGet();
    if (number > count) {
      return Optional.empty();
    }
    GdbTarget target = targets.computeIfAbsent(slot, s -> new GdbTarget(endpoints.target()));
    LineConsole console =
        endpoints.console() == null
            ? null
            : consoles.computeIfAbsent(
                slot, s -> new LineConsole(open(endpoints.console()), map.lineEnding()));
    Pattern banner = map.bootBanner().isEmpty() ? null : Pattern.compile(map.bootBanner());
    return Optional.of(
        new AttachedUnit(
            number,
            new ProbeDevice(
                slot,
                serialPrefix + String.format("%05d", number),
                target,
                console,
                banner,
                bootTimeout)));
  }

  private static ConsoleLink open(SlotEndpoints.ConsoleEndpoint console) {
    return console.tcp() != null
        ? TcpConsoleLink.open(console.tcp(), CONSOLE_CONNECT)
        : SerialPortLink.open(console.serialDevice(), console.baud());
  }

  /** Detaches every debugger (the units keep running) and closes every console. */
  @Override
  public void close() {
    targets.values().forEach(GdbTarget::close);
    consoles.values().forEach(LineConsole::close);
  }
}
