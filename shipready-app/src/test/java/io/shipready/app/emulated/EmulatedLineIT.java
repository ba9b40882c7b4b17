package io.shipready.app.emulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.CommandLineRunner;
import io.shipready.core.device.Image;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import io.shipready.device.emulated.QemuFleet;
import io.shipready.device.emulated.SlotEndpoints;
import io.shipready.device.emulated.SlotMap;
import io.shipready.device.gdb.GdbClient;
import io.shipready.device.gdb.GdbTargetSettings;
import io.shipready.store.Store;
import io.shipready.store.UnitTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated line end to end: QEMU micro:bit units programmed over the GDB remote protocol by the
 * real command line, verified, given their identity, booted and tested over their UARTs, with every
 * step recorded in a SQLite store.
 */
class EmulatedLineIT {
  private static final Path LINE = EmulatedTools.REPO.resolve("lines/emulated-nrf51");
  private static final Path BUNDLED_IMAGE = LINE.resolve("images/nrf51-test-1.0.0.bin");
  private static final int IMAGE_OFFSET_TO_FLIP = 0x100;

  @BeforeAll
  static void tools() {
    EmulatedTools.require(EmulatedTools.QEMU, "arm-none-eabi-gcc", "make");
  }

  @Test
  void theBundledImageIsTheFirmwareBuiltFromItsSources(@TempDir Path dir) throws Exception {
    Path built = EmulatedTools.buildFirmware(dir.resolve("firmware"));

    assertThat(Image.sha256Hex(Files.readAllBytes(built)))
        .as("a fresh build of firmware/nrf51-test must give the image the line ships")
        .isEqualTo(Image.sha256Hex(Files.readAllBytes(BUNDLED_IMAGE)));
    assertThat(Files.readString(LINE.resolve("recipe.yaml")))
        .contains("sha256: " + Image.sha256Hex(Files.readAllBytes(built)));
  }

  @Test
  void fourUnitsAreProgrammedVerifiedBootedTestedAndRecordedInParallel(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("station.db");
    try (QemuFleet fleet = QemuFleet.start(4, EmulatedTools.QEMU, dir.resolve("qemu"))) {
      Path slots = dir.resolve("slots.yaml");
      fleet.slotMap().write(slots, "test line");

      CommandLineRunner.Result run = run(LINE.resolve("recipe.yaml"), slots, db, "EMUIT");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode summary = new ObjectMapper().readTree(run.out());
      assertThat(summary.get("pass").asInt()).as(run.out()).isEqualTo(4);

      // The flash of every unit holds the image now, read by a debugger of our own.
      byte[] image = Files.readAllBytes(BUNDLED_IMAGE);
      for (SlotEndpoints slot : fleet.slotMap().slots()) {
        try (GdbClient debugger = GdbClient.connect(slot.gdb(), Duration.ofSeconds(10))) {
          assertThat(debugger.readMemory(0, image.length)).isEqualTo(image);
          debugger.detach();
        }
      }
    }

    try (Store store = Store.open(db.toString())) {
      List<UnitTrace.Run> runs = new ArrayList<>();
      for (int unit = 1; unit <= 4; unit++) {
        String serial = "EMUIT" + String.format("%05d", unit);
        UnitTrace trace = store.trace(serial);
        assertThat(trace.runs()).hasSize(1);
        UnitTrace.Run record = trace.runs().get(0);
        runs.add(record);
        assertThat(record.outcome()).isEqualTo(Outcome.PASS);
        assertThat(record.steps())
            .extracting(UnitTrace.StepAttempt::stepId)
            .containsExactly(
                "scan_serial",
                "flash_app",
                "write_identity",
                "boot",
                "reported_identity",
                "firmware_version",
                "selftest",
                "ram",
                "rng",
                "uart_loopback");
        assertThat(record.steps())
            .allSatisfy(step -> assertThat(step.outcome()).isEqualTo(StepOutcome.PASS));
        assertThat(record.images())
            .singleElement()
            .satisfies(
                written -> {
                  assertThat(written.name()).isEqualTo("app");
                  assertThat(written.sha256())
                      .isEqualTo(Image.sha256Hex(Files.readAllBytes(BUNDLED_IMAGE)));
                });
        Map<String, UnitTrace.MeasurementValue> measured =
            record.steps().stream()
                .flatMap(step -> step.measurements().stream())
                .collect(Collectors.toMap(UnitTrace.MeasurementValue::name, m -> m));
        // The firmware reports the identity the station wrote into this very unit's flash.
        assertThat(measured.get("reported_serial").value()).isEqualTo(serial);
        assertThat(measured.get("firmware_version").value()).isEqualTo("1.0.0");
        assertThat(measured)
            .containsKeys("selftest", "ram_tested", "ram_errors", "rng_mean", "rng_max");
        assertThat(measured.values())
            .allSatisfy(
                m -> {
                  assertThat(m.passed()).isTrue();
                  assertThat(m.limits()).isNotEmpty();
                });
      }
      // In parallel: every unit's run started before any of them ended.
      Instant lastStart =
          runs.stream().map(UnitTrace.Run::started).max(Comparator.naturalOrder()).get();
      Instant firstEnd =
          runs.stream().map(UnitTrace.Run::ended).min(Comparator.naturalOrder()).get();
      assertThat(lastStart).isBefore(firstEnd);
      assertThat(runs)
          .extracting(UnitTrace.Run::slot)
          .containsExactlyInAnyOrder("1", "2", "3", "4");
    }
  }

  @Test
  void aByteFlippedOnItsWayIntoFlashIsCaughtByReadBack(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("station.db");
    try (QemuFleet fleet = QemuFleet.start(1, EmulatedTools.QEMU, dir.resolve("qemu"));
        CorruptingGdbProxy link =
            new CorruptingGdbProxy(fleet.units().get(0).gdb(), IMAGE_OFFSET_TO_FLIP)) {
      SlotEndpoints unit = fleet.slotMap().slots().get(0);
      SlotMap throughFaultyLink =
          new SlotMap(
              List.of(
                  new SlotEndpoints(
                      unit.slot(),
                      GdbTargetSettings.nrf51(link.endpoint(), SlotMap.DEFAULT_RESET),
                      unit.console())),
              SlotMap.DEFAULT_BOOT_BANNER,
              SlotMap.DEFAULT_LINE_ENDING);
      Path slots = dir.resolve("slots.yaml");
      throughFaultyLink.write(slots, "one unit behind a link that flips a bit");

      CommandLineRunner.Result run = run(LINE.resolve("recipe.yaml"), slots, db, "FLIP");

      assertThat(link.flipped()).isTrue();
      JsonNode summary = new ObjectMapper().readTree(run.out());
      assertThat(summary.get("fail").asInt()).as(run.out()).isEqualTo(1);
      JsonNode only = summary.get("runs").get(0);
      assertThat(only.get("failed_step").asText()).isEqualTo("flash_app");
      assertThat(only.get("message").asText()).contains("read-back of app does not match");
    }
    try (Store store = Store.open(db.toString())) {
      UnitTrace.Run record = store.trace("FLIP00001").runs().get(0);
      assertThat(record.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(record.failedStep()).isEqualTo("flash_app");
      // Nothing after the failed verification ran: the unit was not booted or tested.
      assertThat(record.steps())
          .filteredOn(step -> step.outcome() == StepOutcome.PASS)
          .extracting(UnitTrace.StepAttempt::stepId)
          .containsExactly("scan_serial");
      assertThat(record.images()).isEmpty();
    }
  }

  @Test
  void anImageFileWithAFlippedByteNeverReachesTheUnit(@TempDir Path dir) throws Exception {
    Path line = dir.resolve("line");
    copy(LINE, line);
    Path image = line.resolve("images/nrf51-test-1.0.0.bin");
    byte[] bytes = Files.readAllBytes(image);
    bytes[IMAGE_OFFSET_TO_FLIP] ^= 0x01;
    Files.write(image, bytes);
    Path db = dir.resolve("station.db");
    try (QemuFleet fleet = QemuFleet.start(1, EmulatedTools.QEMU, dir.resolve("qemu"))) {
      Path slots = dir.resolve("slots.yaml");
      fleet.slotMap().write(slots, "one unit");

      CommandLineRunner.Result run = run(line.resolve("recipe.yaml"), slots, db, "FILE");

      // A wrong file says nothing about the units: the station refuses to start, before the
      // first unit, naming the image and its hash, and records no run.
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out() + run.err())
          .contains("nrf51-test-1.0.0.bin")
          .contains("SHA-256")
          .contains("not the approved file");
      assertThat(Files.exists(db)).as("nothing recorded").isFalse();
      try (GdbClient debugger =
          GdbClient.connect(fleet.units().get(0).gdb(), Duration.ofSeconds(10))) {
        assertThat(debugger.readMemory(0, bytes.length))
            .as("the unit's flash was never written")
            .containsOnly(0);
      }
    }
  }

  private static CommandLineRunner.Result run(Path recipe, Path slots, Path db, String prefix) {
    return CommandLineRunner.run(
        "run",
        "--recipe",
        recipe.toString(),
        "--slots-file",
        slots.toString(),
        "--db",
        db.toString(),
        "--serial-prefix",
        prefix,
        "--json");
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
