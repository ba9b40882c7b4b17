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

  /** The slot map of this line: each slot's GDB server and UART. */
  public SlotMap slotMap() {
    List<SlotEndpoints> slots = new ArrayList<>();
    for (QemuUnit unit : units) {
      slots.add(
          new SlotEndpoints(
              unit.slot(),
              GdbTargetSettings.nrf51(unit.gdb(), SlotMap.DEFAULT_RESET),
              SlotEndpoints.ConsoleEndpoint.tcp(unit.console())));
    }
    return new SlotMap(slots, SlotMap.DEFAULT_BOOT_BANNER, SlotMap.DEFAULT_LINE_ENDING);
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
