package io.shipready.app.cli;

import io.shipready.app.standins.StandInLine;
import io.shipready.app.standins.StandInTools;
import io.shipready.device.emulated.QemuFleet;
import io.shipready.device.emulated.QemuUnit;
import io.shipready.device.slots.MappedSlot;
import io.shipready.device.slots.SlotMap;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shipready emulate}: a line of emulated units to program and test: nRF51 boards in QEMU,
 * and units of the bundled lines on the stand-in vendor tools.
 */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Start emulated units and write the slot map a station uses to reach them:",
      "  --units N: nRF51 boards in QEMU (micro:bit), halted with empty flash, each with its own"
          + " GDB server and UART port;",
      "  --stand-ins LINE:N: units of a bundled line on the stand-in vendor tools (azsphere,"
          + " particle, JLinkExe... that keep each unit's state in a folder), as the line's"
          + " stand-in.yaml describes them. The units stay in --state between starts, so one"
          + " unit goes from station to station.",
      "  shipready run --recipe lines/emulated-nrf51/recipe.yaml --slots-file slots.yaml",
      "Runs until interrupted (Ctrl-C), then stops every emulator. Exit code 0 after a clean stop,"
          + " 1 when the units could not start, 2 on bad usage."
    })
public final class EmulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--units",
      defaultValue = "0",
      paramLabel = "N",
      description = "How many emulated nRF51 units (one slot each).")
  int units;

  @Option(
      names = "--stand-ins",
      paramLabel = "LINE:N",
      split = ",",
      description =
          "Units of a bundled line on the stand-in tools, e.g. azure-sphere:1,particle-cellular:2.")
  List<String> standIns = List.of();

  @Option(
      names = "--state",
      paramLabel = "DIR",
      defaultValue = "standin-units",
      description = "Where the stand-in units keep their state (default ${DEFAULT-VALUE}).")
  Path state;

  @Option(
      names = "--lines",
      paramLabel = "DIR",
      description = "The line profiles (default: lines/ here, or beside the program).")
  Path lines;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "slots.yaml",
      description = "Where to write the slot map (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--qemu",
      paramLabel = "PATH",
      defaultValue = QemuFleet.DEFAULT_QEMU,
      description = "The qemu-system-arm executable (default ${DEFAULT-VALUE}).")
  String qemu;

  @Override
  public Integer call() throws Exception {
    Map<String, Integer> lineUnits = standInCounts();
    if (units < 0 || units > 64 || (units == 0 && lineUnits.isEmpty())) {
      throw new ParameterException(
          spec.commandLine(),
          "say which units: --units N (1 to 64 emulated nRF51 boards) and/or --stand-ins LINE:N");
    }
    // A map left by an emulator that was killed names ports nobody serves any more: remove it, so
    // a station started beside this command waits for the new one instead of reading the old.
    Files.deleteIfExists(out);
    Path folder = out.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    Path logs = Files.createTempDirectory("shipready-emulate-");
    PrintWriter print = spec.commandLine().getOut();
    try (QemuFleet fleet = units == 0 ? null : QemuFleet.start(units, qemu, logs);
        StandInLine standInLine =
            lineUnits.isEmpty()
                ? null
                : StandInLine.start(StandInTools.find(state), lines, lineUnits)) {
      SlotMap map = slotMap(fleet, standInLine);
      map.write(
          out,
          "Slot map of an emulated line started by shipready emulate.\n"
              + "Valid while that command runs; each start picks new ports.");
      print.printf("%-18s %-10s %s%n", "slot", "driver", "reached at");
      if (fleet != null) {
        for (QemuUnit unit : fleet.units()) {
          print.printf(
              "%-18s %-10s gdb %s, console tcp:%s (QEMU pid %d)%n",
              unit.slot(), "gdb-remote", unit.gdb(), unit.console(), unit.pid());
        }
      }
      if (standInLine != null) {
        for (StandInLine.Slot slot : standInLine.slots()) {
          print.printf("%-18s %-10s %s%n", slot.name(), slot.driver(), slot.settings());
        }
        print.println("stand-in units: " + standInLine.tools().state());
      }
      print.println("slot map: " + out.toAbsolutePath());
      if (fleet != null) {
        print.println("QEMU output: " + logs);
      }
      print.println("running; Ctrl-C stops every unit");
      print.flush();
      return waitForStop(fleet);
    } finally {
      removeSlotMap();
    }
  }

  private SlotMap slotMap(QemuFleet fleet, StandInLine standInLine) {
    SlotMap.Builder map = SlotMap.builder().source("slot map " + out);
    if (fleet != null) {
      SlotMap emulated = fleet.slots();
      emulated.defaults().forEach(map::defaultValue);
      for (MappedSlot slot : emulated.slots()) {
        map.slot(slot.slot(), slot.driver(), slot.settings());
      }
    }
    if (standInLine != null) {
      standInLine.tools().tools().forEach(map::tool);
      standInLine.tools().environment().forEach(map::environment);
      for (StandInLine.Slot slot : standInLine.slots()) {
        map.slot(slot.name(), slot.driver(), slot.settings());
      }
    }
    return map.build();
  }

  private Map<String, Integer> standInCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String entry : standIns) {
      String[] parts = entry.split(":", 2);
      try {
        counts.merge(
            parts[0].strip(), parts.length == 1 ? 1 : Integer.parseInt(parts[1]), Integer::sum);
      } catch (NumberFormatException notCount) {
        throw new ParameterException(
            spec.commandLine(), "--stand-ins " + entry + ": say LINE:N, e.g. azure-sphere:2");
      }
    }
    return counts;
  }

  private int waitForStop(QemuFleet fleet) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // The map is valid only while the units run; the JVM may halt before the
                  // main thread gets to its own clean-up.
                  removeSlotMap();
                  stopped.countDown();
                },
                "emulate-stop"));
    while (!stopped.await(1, TimeUnit.SECONDS)) {
      if (fleet != null && !fleet.deadSlots().isEmpty()) {
        spec.commandLine()
            .getErr()
            .println("emulated unit(s) in slot(s) " + fleet.deadSlots() + " stopped; stopping all");
        return 1;
      }
    }
    return 0;
  }

  private void removeSlotMap() {
    try {
      Files.deleteIfExists(out);
    } catch (java.io.IOException ignored) {
      // Nothing more to do: a station reading it finds every slot unreachable and says so.
    }
  }
}
