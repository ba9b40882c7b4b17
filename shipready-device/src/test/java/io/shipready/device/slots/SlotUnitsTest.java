package io.shipready.device.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.DeviceException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Sensors;
import io.shipready.device.gdb.FakeGdbServer;
import io.shipready.device.instruments.FakeScpiServer;
import io.shipready.device.serial.FakeConsoleServer;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.tools.ToolDevice;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Units attached through their slots' drivers, against fakes of probes, consoles and a PSU. */
class SlotUnitsTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void unitsOnGdbServersGetTheNextSerialAndAreProgrammedThroughTheProbe() throws Exception {
    try (FakeGdbServer probe = new FakeGdbServer(0x400, false, false);
        FakeConsoleServer console =
            new FakeConsoleServer(
                line ->
                    switch (line) {
                      case "id" -> "ID serial=LINE00001 ficr=1234567800000003";
                      case "version" -> "VERSION 1.0.0";
                      default -> "ERR";
                    },
                false)) {
      SlotMap map =
          SlotMap.builder()
              .defaultValue("boot_banner", "")
              .slot(
                  "1",
                  "gdb-remote",
                  Map.of(
                      "gdb", probe.endpoint().toString(),
                      "console", "tcp:" + console.endpoint(),
                      "regions", Map.of("app", Map.of("address", 0, "size", 0x8000)),
                      "identity", Map.of("address", 0x8000, "size", 0x400)))
              .build();

      try (SlotUnits units = new SlotUnits(map, 2, "LINE")) {
        AttachedUnit first = units.next("1").orElseThrow();
        byte[] firmware = {1, 2, 3, 4, 5, 6, 7, 8};
        first
            .device()
            .require(Programmer.class)
            .write(new Image("app", "1.0.0", ImageType.FIRMWARE, null, null, firmware, null));

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.device().require(Markings.class).read("serial")).contains("LINE00001");
        assertThat(Arrays.copyOf(probe.memory, firmware.length)).isEqualTo(firmware);
        assertThat(first.device().require(Identity.class).identifiers())
            .containsExactly(new Identifier("serial", "LINE00001"));
        AttachedUnit second = units.next("1").orElseThrow();
        assertThat(second.device().require(Markings.class).read("serial")).contains("LINE00002");
        assertThat(units.next("1")).isEmpty();
        AttachedUnit retest = units.attach(1, "1");
        assertThat(retest.device().require(Markings.class).read("serial")).contains("LINE00001");
      }
    }
  }

  @Test
  void aProbeThatIsNotThereIsNamedWhenAStepFirstNeedsIt() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    SlotMap map =
        SlotMap.builder().slot("1", "gdb-remote", Map.of("gdb", "127.0.0.1:" + closed)).build();

    try (SlotUnits units = new SlotUnits(map, 1, "NOPROBE")) {
      Programmer programmer = units.next("1").orElseThrow().device().require(Programmer.class);

      assertThatThrownBy(
              () ->
                  programmer.write(
                      new Image("app", "", ImageType.FIRMWARE, null, null, new byte[4], null)))
          .isInstanceOf(DeviceException.class)
          .hasMessageContaining("cannot connect to the GDB server at 127.0.0.1:" + closed);
    }
  }

  @Test
  void aSlotsConsoleAndFixtureJoinWhatItsDriverGives() throws Exception {
    try (FakeConsoleServer console = new FakeConsoleServer(line -> "OK " + line, false);
        FakeScpiServer psu = new FakeScpiServer()) {
      SlotMap map =
          SlotMap.builder()
              .slot(
                  "4",
                  "jlink",
                  Map.of(
                      "family", "afero-asr",
                      "probe", "683012345",
                      "device", "NRF52840_XXAA",
                      "console", "tcp:" + console.endpoint(),
                      "fixture",
                          Map.of(
                              "driver", "scpi",
                              "address", psu.endpoint().toString(),
                              "off_time", "0s")))
              .build();

      try (SlotUnits units = new SlotUnits(map, 1, "S")) {
        var unit = units.next("4").orElseThrow().device();

        assertThat(unit.family()).isEqualTo("afero-asr");
        assertThat(unit.slot()).isEqualTo("4");
        assertThat(unit.capability(Programmer.class)).isPresent();
        assertThat(unit.require(Console.class).exchange("selftest", WAIT)).isEqualTo("OK selftest");
        assertThat(unit.require(Sensors.class).read("supply_voltage")).isEqualTo(3.3);
        unit.require(Power.class).reboot();
        assertThat(psu.received).contains("OUTP OFF", "OUTP ON");
        assertThat(((SlotDevice) unit).unit()).isInstanceOf(ToolDevice.class);
      }
    }
  }

  @Test
  void simulatedSlotsGiveTheSimulatorsUnitsAsTheyAre() throws Exception {
    SlotMap map =
        SlotMap.builder()
            .slot("a", "simulated", Map.of("family", "afero-asr"))
            .slot("b", "simulated", Map.of("family", "particle"))
            .build();

    try (SlotUnits units = new SlotUnits(map, 3, "SIM")) {
      assertThat(units.next("a").map(AttachedUnit::device))
          .get()
          .isInstanceOf(SimulatedDevice.class);
      assertThat(units.next("b").orElseThrow().device().family()).isEqualTo("particle");
      assertThat(units.next("a").orElseThrow().number()).isEqualTo(3);
      assertThat(units.next("b")).isEqualTo(Optional.empty());
      assertThat(units.serial(12)).isEqualTo("SIM00012");
    }
  }

  @Test
  void aSlotTheMapDoesNotHaveIsNamedWithTheOnesItHas() {
    SlotMap map = SlotMap.builder().slot("a", "simulated", Map.of("family", "particle")).build();

    try (SlotUnits units = new SlotUnits(map, 3, "SIM")) {
      assertThatThrownBy(() -> units.next("z"))
          .isInstanceOf(ShipreadyException.class)
          .hasMessageContaining("has no slot 'z'; its slots are [a]");
    }
  }
}
