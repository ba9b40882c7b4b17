package io.shipready.app.cli;

import io.shipready.device.emulated.QemuFleet;
import io.shipready.device.emulated.QemuUnit;
import io.shipready.device.slots.SlotMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready emulate}: a line of emulated nRF51 units to program and test. */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Start N emulated nRF51 units (QEMU micro:bit), halted with empty flash, each with its own"
          + " GDB server and UART port, and write the slot map a station uses to reach them:",
      "  shipready run --recipe lines/emulated-nrf51/recipe.yaml --slots-file slots.yaml",
      "Runs until interrupted (Ctrl-C), then stops every emulator. Exit code 0 after a clean stop,"
          + " 1 when the units could not start, 2 on bad usage."
    })
public final class EmulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--units",
      required = true,
      paramLabel = "N",
      description = "How many units (one slot each).")
  int units;

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
    if (units < 1 || units > 64) {
      throw new ParameterException(spec.commandLine(), "--units must be between 1 and 64");
    }
    Path logs = Files.createTempDirectory("shipready-emulate-");
    var print = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    try (QemuFleet fleet = QemuFleet.start(units, qemu, logs)) {
      SlotMap map = fleet.slots();
      map.write(
          out,
          "Slot map of an emulated line: "
              + units
              + " QEMU micro:bit unit(s) started by shipready emulate.\n"
              + "Valid while that command runs; each start picks new ports.");
      print.printf("%-5s %-8s %-22s %-22s%n", "slot", "pid", "gdb", "console");
      for (QemuUnit unit : fleet.units()) {
        print.printf(
            "%-5s %-8d %-22s %-22s%n",
            unit.slot(), unit.pid(), unit.gdb(), "tcp:" + unit.console());
      }
      print.println("slot map: " + out.toAbsolutePath());
      print.println("QEMU output: " + logs);
      print.println("running; Ctrl-C stops every unit");
      print.flush();
      Thread release = new Thread(stopped::countDown, "emulate-stop");
      Runtime.getRuntime().addShutdownHook(release);
      while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
        if (!fleet.deadSlots().isEmpty()) {
          spec.commandLine()
              .getErr()
              .println(
                  "emulated unit(s) in slot(s) " + fleet.deadSlots() + " stopped; stopping all");
          return 1;
        }
      }
      return 0;
    }
  }
}
