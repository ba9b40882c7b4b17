package io.shipready.device.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.ShipreadyException;
import io.shipready.device.gdb.Endpoint;
import io.shipready.device.gdb.GdbTargetSettings;
import io.shipready.device.gdb.MemoryRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GDB-server view of a slot map, as the emulated line's commands use it. */
@SuppressWarnings("removal")
class SlotMapTest {
  @TempDir Path dir;

  @Test
  void writesGdbRemoteSlotsInTheSlotMapFormatAndReadsThemBack() throws Exception {
    SlotMap map =
        new SlotMap(
            List.of(
                new SlotEndpoints(
                    "1",
                    GdbTargetSettings.nrf51(new Endpoint("127.0.0.1", 4000), "system_reset"),
                    SlotEndpoints.ConsoleEndpoint.tcp(new Endpoint("127.0.0.1", 4001))),
                new SlotEndpoints(
                    "2",
                    new GdbTargetSettings(
                        new Endpoint("127.0.0.1", 4002),
                        Duration.ofSeconds(3),
                        List.of(new MemoryRegion("boot", 0x08000000L, 0x4000)),
                        new MemoryRegion("identity", 0x0803F800L, 2048),
                        "system_reset",
                        0),
                    null)),
            "BOOT",
            "\r\n");
    Path file = dir.resolve("slots.yaml");
    map.write(file, "two lines\nof header");

    SlotMap read = SlotMap.read(file);

    assertThat(read.slots()).isEqualTo(map.slots());
    assertThat(read.lineEnding()).isEqualTo("\r\n");
    assertThat(read.bootBanner()).isEqualTo("BOOT");
    assertThat(Files.readString(file)).contains("driver: gdb-remote");
    assertThat(io.shipready.device.slots.SlotMap.read(file).slotNames()).containsExactly("1", "2");
  }

  @Test
  void aSlotOfAnotherDriverIsNamed() throws Exception {
    Path file = dir.resolve("slots.yaml");
    Files.writeString(
        file,
        "slots:\n  - {slot: \"1\", driver: gdb-remote, gdb: 127.0.0.1:3333}\n"
            + "  - {slot: \"2\", driver: particle, port: /dev/ttyACM0}\n");

    assertThatThrownBy(() -> SlotMap.read(file))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining(
            "slot map " + file + ", slot 2 (particle): this command drives" + " gdb-remote slots");
  }
}
