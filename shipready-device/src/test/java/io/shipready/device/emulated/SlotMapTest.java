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

class SlotMapTest {
  @TempDir Path dir;

  @Test
  void readsProbesConsolesAndTheirTargetLayout() throws Exception {
    Path file =
        write(
            """
            reset: "reset halt"
            timeout: 3s
            slots:
              - slot: A
                gdb: 10.0.0.5:3333
                console: serial:/dev/ttyACM0@9600
              - slot: B
                gdb: 127.0.0.1:3334
                console: tcp:127.0.0.1:4001
                reset: ""
                regions: {boot: {address: 0x08000000, size: 0x4000}}
                identity: {address: 0x0803F800, size: 2048}
            """);

    SlotMap map = SlotMap.read(file);

    assertThat(map.slotNames()).containsExactly("A", "B");
    SlotEndpoints a = map.slots().get(0);
    assertThat(a.gdb()).isEqualTo(new Endpoint("10.0.0.5", 3333));
    assertThat(a.console()).isEqualTo(SlotEndpoints.ConsoleEndpoint.serial("/dev/ttyACM0", 9600));
    assertThat(a.target().resetCommand()).isEqualTo("reset halt");
    assertThat(a.target().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(a.target().regions()).containsExactly(new MemoryRegion("app", 0, 0x3FC00));
    SlotEndpoints b = map.slots().get(1);
    assertThat(b.target().resetCommand()).isEmpty();
    assertThat(b.target().regions()).containsExactly(new MemoryRegion("boot", 0x08000000L, 0x4000));
    assertThat(b.target().identity()).isEqualTo(new MemoryRegion("identity", 0x0803F800L, 2048));
    assertThat(map.bootBanner()).isEqualTo(SlotMap.DEFAULT_BOOT_BANNER);
  }

  @Test
  void writesWhatItReads() {
    SlotMap map =
        new SlotMap(
            List.of(
                new SlotEndpoints(
                    "1",
                    GdbTargetSettings.nrf51(new Endpoint("127.0.0.1", 4000), "system_reset"),
                    SlotEndpoints.ConsoleEndpoint.tcp(new Endpoint("127.0.0.1", 4001)))),
            "BOOT",
            "\r\n");
    Path file = dir.resolve("slots.yaml");
    map.write(file, "two lines\nof header");

    SlotMap read = SlotMap.read(file);

    assertThat(read.slots()).isEqualTo(map.slots());
    assertThat(read.lineEnding()).isEqualTo("\r\n");
  }

  @Test
  void namesTheFileTheSlotAndTheFieldThatIsWrong() throws Exception {
    Path noGdb = write("slots:\n  - slot: \"7\"\n    console: tcp:127.0.0.1:4001\n");
    assertThatThrownBy(() -> SlotMap.read(noGdb))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining(noGdb.toString())
        .hasMessageContaining("slot 7: 'gdb' is missing");

    Path badConsole = write("slots:\n  - gdb: 127.0.0.1:3333\n    console: com5\n");
    assertThatThrownBy(() -> SlotMap.read(badConsole))
        .hasMessageContaining("slot 1: console: 'com5' is not tcp:HOST:PORT or serial:DEVICE@BAUD");

    Path badPort = write("slots:\n  - gdb: localhost:gdb\n");
    assertThatThrownBy(() -> SlotMap.read(badPort))
        .hasMessageContaining("slot 1: gdb: 'localhost:gdb' has no port number");

    Path twice = write("slots:\n  - {slot: a, gdb: \"h:1\"}\n  - {slot: a, gdb: \"h:2\"}\n");
    assertThatThrownBy(() -> SlotMap.read(twice))
        .hasMessageContaining("slot a: the slot name is used twice");

    Path noSlots = write("target: nrf51\n");
    assertThatThrownBy(() -> SlotMap.read(noSlots)).hasMessageContaining("'slots' must be a list");
  }

  private Path write(String yaml) throws Exception {
    Path file = Files.createTempFile(dir, "slots", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
