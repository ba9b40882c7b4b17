package io.shipready.device.emulated;

import io.shipready.core.ShipreadyException;
import io.shipready.device.gdb.GdbTargetSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line of emulated units: N QEMU micro:bit processes, one per slot (named 1..N), and the slot map
 * a station uses to reach them. Closing the fleet stops every process; so does the JVM's shutdown
 * (Ctrl-C), so no emulator is left behind.
 */
public final class QemuFleet implements AutoCloseable {
  public static final String DEFAULT_QEMU = "qemu-system-arm";

  private final List<QemuUnit> units;
  private final Thread cleanup;

  private QemuFleet(List<QemuUnit> units) {
    this.units = List.copyOf(units);
    this.cleanup = new Thread(this::stopAll, "qemu-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /**
   * Starts the units, all halted at reset.
   *
   * @throws ShipreadyException when one will not start (the ones already started are stopped)
   */
  public static QemuFleet start(int count, String qemu, Path workDir) throws InterruptedException {
    if (count < 1) {
      throw new IllegalArgumentException("an emulated line needs at least 1 unit, not " + count);
    }
    List<QemuUnit> started = Collections.synchronizedList(new ArrayList<>());
    try {
      for (int i = 1; i <= count; i++) {
        started.add(QemuUnit.start(Integer.toString(i), qemu, workDir, Duration.ofSeconds(10)));
      }
      return new QemuFleet(started);
    } catch (RuntimeException | InterruptedException failed) {
      started.forEach(QemuUnit::close);
      throw failed;
    }
  }

  public List<QemuUnit> units() {
    return units;
  }

  /** The slot map of this line: each slot a {@code gdb-remote} slot on its GDB server and UART. */
  public io.shipready.device.slots.SlotMap slots() {
    io.shipready.device.slots.SlotMap.Builder builder =
        io.shipready.device.slots.SlotMap.builder()
            .source("slot map of the emulated line")
            .defaultValue("reset", GdbRemoteDriver.DEFAULT_RESET)
            .defaultValue("boot_banner", GdbRemoteDriver.DEFAULT_BOOT_BANNER)
            .defaultValue("line_ending", GdbRemoteDriver.DEFAULT_LINE_ENDING);
    for (QemuUnit unit : units) {
      builder.slot(
          unit.slot(),
          GdbRemoteDriver.NAME,
          GdbRemoteDriver.settings(endpoints(unit), GdbRemoteDriver.DEFAULT_RESET));
    }
    return builder.build();
  }

  private static SlotEndpoints endpoints(QemuUnit unit) {
    return new SlotEndpoints(
        unit.slot(),
        GdbTargetSettings.nrf51(unit.gdb(), GdbRemoteDriver.DEFAULT_RESET),
        SlotEndpoints.ConsoleEndpoint.tcp(unit.console()));
  }

  /**
   * The slot map of this line: each slot's GDB server and UART.
   *
   * @deprecated use {@link #slots()}
   */
  @Deprecated(forRemoval = true)
  @SuppressWarnings("removal")
  public SlotMap slotMap() {
    List<SlotEndpoints> slots = units.stream().map(QemuFleet::endpoints).toList();
    return new SlotMap(
        slots, GdbRemoteDriver.DEFAULT_BOOT_BANNER, GdbRemoteDriver.DEFAULT_LINE_ENDING);
  }

  /** Units whose process has died (a crashed emulator is a broken fixture). */
  public List<String> deadSlots() {
    return units.stream().filter(u -> !u.isAlive()).map(QemuUnit::slot).toList();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running already.
    }
  }

  private void stopAll() {
    units.parallelStream().forEach(QemuUnit::close);
  }
}
