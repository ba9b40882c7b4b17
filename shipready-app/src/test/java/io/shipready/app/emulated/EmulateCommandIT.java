package io.shipready.app.emulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.app.Main;
import io.shipready.device.emulated.SlotEndpoints;
import io.shipready.device.emulated.SlotMap;
import io.shipready.device.gdb.GdbClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipready emulate} as its own process: it starts the units, writes a slot map that reaches
 * them, and stops every emulator when it is told to stop.
 */
class EmulateCommandIT {
  /** Each slot's line names the QEMU process behind it. */
  private static final Pattern QEMU_PID = Pattern.compile("\\(QEMU pid ([0-9]+)\\)");

  @BeforeAll
  static void tools() {
    EmulatedTools.require(EmulatedTools.QEMU);
  }

  @Test
  void startsUnitsWritesTheirSlotMapAndStopsThemOnExit(@TempDir Path dir) throws Exception {
    Path slots = dir.resolve("slots.yaml");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process emulate =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "emulate",
                "--units",
                "2",
                "--out",
                slots.toString())
            .redirectErrorStream(true)
            .start();
    List<Long> qemuPids = new ArrayList<>();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(emulate.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher pid = QEMU_PID.matcher(line);
        if (pid.find()) {
          qemuPids.add(Long.parseLong(pid.group(1)));
        }
        if (line.startsWith("running")) {
          break;
        }
      }
      assertThat(qemuPids).hasSize(2);
      assertThat(Files.exists(slots)).isTrue();

      SlotMap map = SlotMap.read(slots);
      assertThat(map.slotNames()).containsExactly("1", "2");
      for (SlotEndpoints slot : map.slots()) {
        try (GdbClient debugger = GdbClient.connect(slot.gdb(), Duration.ofSeconds(10))) {
          // Halted at reset with empty flash: a fresh unit.
          assertThat(debugger.readMemory(0, 16)).containsOnly(0);
        }
      }
    } finally {
      emulate.destroy(); // SIGTERM, as a service manager or Ctrl-C would stop it
      assertThat(emulate.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    for (long pid : qemuPids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("QEMU %d outlived shipready emulate", pid)
          .isFalse();
    }
  }
}
