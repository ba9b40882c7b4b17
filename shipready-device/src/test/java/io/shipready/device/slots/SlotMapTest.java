package io.shipready.device.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.IdentityWriter;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Settings;
import io.shipready.core.spi.Wifi;
import io.shipready.device.emulated.GdbRemoteSlot;
import io.shipready.device.gdb.Endpoint;
import io.shipready.device.gdb.MemoryRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotMapTest {
  @TempDir Path dir;

  @Test
  void readsEveryDriverWithItsConsoleAndFixture() throws Exception {
    Path file =
        write(
            """
            tools: {azsphere: /opt/azurespheresdk/Tools_v2/azsphere}
            slots:
              - {slot: "1", driver: gdb-remote, gdb: 127.0.0.1:3333, console: tcp:127.0.0.1:4001}
              - {slot: "2", driver: azsphere, device: 192.168.35.2}
              - {slot: "3", driver: particle, port: /dev/ttyACM0}
              - {slot: "4", driver: jlink, family: afero-asr, probe: "683012345", device: NRF52840_XXAA, regions: {app: 0x27000}, console: serial:/dev/ttyACM3@115200, fixture: {driver: scpi, address: 127.0.0.1:5025}}
              - {slot: "5", driver: simulated, family: particle}
            """);

    SlotMap map = SlotMap.read(file);

    assertThat(map.slotNames()).containsExactly("1", "2", "3", "4", "5");
    assertThat(map.slots())
        .extracting(MappedSlot::driver)
        .containsExactly("gdb-remote", "azsphere", "particle", "jlink", "simulated");
    assertThat(map.capabilities("1"))
        .containsExactlyInAnyOrder(
            Programmer.class,
            IdentityWriter.class,
            Power.class,
            Console.class,
            Identity.class,
            Markings.class);
    assertThat(map.capabilities("2"))
        .containsExactlyInAnyOrder(
            Identity.class,
            ConnectionInfo.class,
            ImageStore.class,
            Recovery.class,
            ManufacturingStates.class,
            Wifi.class,
            Power.class,
            Ethernet.class);
    assertThat(map.capabilities("3"))
        .containsExactlyInAnyOrder(
            Identity.class, Programmer.class, Settings.class, Power.class, CloudConnection.class);
    // An afero-asr module tells its ids over its console (the family's registered firmware); the
    // supply at the slot feeds and restarts it.
    assertThat(map.capabilities("4"))
        .containsExactlyInAnyOrder(
            Programmer.class,
            Console.class,
            Identity.class,
            Power.class,
            Sensors.class,
            io.shipready.core.spi.FixturePower.class);
    assertThat(map.capabilities("5")).contains(Markings.class, Programmer.class, Sensors.class);
    assertThat(map.tools()).containsEntry("azsphere", "/opt/azurespheresdk/Tools_v2/azsphere");
    assertThat(map.capabilitySlots()).hasSize(5);
    assertThat(map.capabilitySlots().get(3).driver()).isEqualTo("jlink");
  }

  @Test
  void gdbRemoteSlotsTakeTheStationDefaultsAndTheirOwnLayout() throws Exception {
    Path file =
        write(
            """
            reset: "reset halt"
            timeout: 3s
            boot_banner: ""
            slots:
              - slot: A
                driver: gdb-remote
                gdb: 10.0.0.5:3333
                console: serial:/dev/ttyACM0@9600
              - slot: B
                driver: gdb-remote
                gdb: 127.0.0.1:3334
                console: tcp:127.0.0.1:4001
                reset: ""
                regions: {boot: {address: 0x08000000, size: 0x4000}}
                identity: {address: 0x0803F800, size: 2048}
            """);

    SlotMap map = SlotMap.read(file);

    GdbRemoteSlot a = (GdbRemoteSlot) map.slot("A").binding();
    assertThat(a.endpoints().gdb()).isEqualTo(new Endpoint("10.0.0.5", 3333));
    assertThat(a.endpoints().console()).hasToString("serial:/dev/ttyACM0@9600");
    assertThat(a.endpoints().target().resetCommand()).isEqualTo("reset halt");
    assertThat(a.endpoints().target().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(a.endpoints().target().regions())
        .containsExactly(new MemoryRegion("app", 0, 0x3FC00));
    assertThat(a.bootBanner()).isNull();
    GdbRemoteSlot b = (GdbRemoteSlot) map.slot("B").binding();
    assertThat(b.endpoints().target().resetCommand()).isEmpty();
    assertThat(b.endpoints().target().regions())
        .containsExactly(new MemoryRegion("boot", 0x08000000L, 0x4000));
    assertThat(b.endpoints().target().identity())
        .isEqualTo(new MemoryRegion("identity", 0x0803F800L, 2048));
  }

  @Test
  void writesWhatItReads() {
    SlotMap map =
        SlotMap.builder()
            .defaultValue("boot_banner", "BOOT")
            .defaultValue("line_ending", "\r\n")
            .tool("particle", "bin/particle")
            .slot(
                "1", "gdb-remote", Map.of("gdb", "127.0.0.1:4000", "console", "tcp:127.0.0.1:4001"))
            .slot(
                "2",
                "jlink",
                Map.of(
                    "family", "afero-asr",
                    "probe", "683012345",
                    "device", "NRF52840_XXAA",
                    "regions", Map.of("app", 0x27000)))
            .build();
    Path file = dir.resolve("slots.yaml");
    map.write(file, "two lines\nof header");

    SlotMap read = SlotMap.read(file);

    assertThat(read.slots())
        .extracting(MappedSlot::settings)
        .isEqualTo(map.slots().stream().map(MappedSlot::settings).toList());
    assertThat(read.defaults()).isEqualTo(map.defaults());
    assertThat(read.tools()).isEqualTo(map.tools());
    assertThat(read.capabilities("1")).isEqualTo(map.capabilities("1"));
    assertThat(file).content().startsWith("# two lines\n# of header\n");
  }

  @Test
  void aSlotWithoutADriverIsRefusedNamingTheKnownDrivers() throws Exception {
    Path file = write("slots:\n  - slot: \"7\"\n    gdb: 127.0.0.1:3333\n");

    assertThatThrownBy(() -> SlotMap.read(file))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining("slot map " + file + ", slot 7: 'driver' is missing")
        .hasMessageContaining("[afero-rssi, azsphere, esptool, gdb-remote, jlink, nrfjprog");
  }

  @Test
  void namesTheFileTheSlotAndTheKeyThatIsWrong() throws Exception {
    assertRefused(
        "slots:\n  - {slot: \"3\", driver: jlinc}\n",
        "slot 3: 'driver' is 'jlinc', which no driver is (did you mean 'jlink'?)");
    assertRefused(
        "slots:\n  - {driver: particle}\n",
        "slot 1 (particle): 'port' is missing; add it to the slot (the particle driver needs it)");
    assertRefused(
        "slots:\n  - {driver: particle, port: COM3, prot: x}\n",
        "slot 1 (particle): unknown key [prot] ('prot': did you mean 'port'?); the particle"
            + " driver reads [console, fixture, port, supply, timeout_s]");
    assertRefused(
        "slots:\n  - {driver: gdb-remote, gdb: 127.0.0.1:3333, console: com5}\n",
        "slot 1 (gdb-remote): 'console' is wrong: 'com5' is not tcp:HOST:PORT or serial:DEVICE@BAUD");
    assertRefused(
        "slots:\n  - {driver: particle, port: COM3, console: com5}\n",
        "slot 1 (particle): 'console' is wrong: 'com5' is not tcp:HOST:PORT");
    assertRefused(
        "slots:\n  - {driver: gdb-remote, gdb: \"localhost:gdb\"}\n",
        "slot 1 (gdb-remote): 'gdb' is wrong: 'localhost:gdb' has no port number");
    assertRefused(
        "slots:\n  - {slot: a, driver: gdb-remote, gdb: \"h:1\"}\n"
            + "  - {slot: a, driver: gdb-remote, gdb: \"h:2\"}\n",
        "slot a: the slot name is used twice");
    assertRefused("target: nrf51\n", "'slots' must be a list");
    assertRefused(
        "slots:\n  - {driver: nrfutil, family: p, probe: \"1\", regions: {app: 0xZZ}}\n",
        "slot 1 (nrfutil): 'regions.app' '0xZZ' is not an address");
    assertRefused(
        "slots:\n  - {driver: simulated, family: toaster}\n",
        "slot 1 (simulated): 'family' is wrong: the simulator has no device family 'toaster'");
    assertRefused(
        "slots:\n  - {driver: simulated, family: particle, console: tcp:127.0.0.1:4001}\n",
        "slot 1 (simulated): 'console' is not used: the simulated driver gives its units a"
            + " console of their own");
    assertRefused(
        "boot_baner: X\nslots:\n  - {driver: gdb-remote, gdb: 127.0.0.1:3333}\n",
        "top-level key [boot_baner] no slot's driver reads ('boot_baner': did you mean"
            + " 'boot_banner'?)");
    assertRefused(
        "line_ending: x\nslots:\n  - {driver: gdb-remote, gdb: 127.0.0.1:3333}\n",
        "slot 1 (gdb-remote): 'line_ending' (the station-wide default at the top of the slot map)"
            + " must be");
    assertRefused(
        "tools: {azshpere: /x}\nslots:\n  - {driver: particle, port: COM3}\n",
        "tools.azshpere names no tool a driver runs (did you mean 'azsphere'?)");
  }

  @Test
  void aFixtureIsCheckedAsItsOwnDriverReadsIt() throws Exception {
    assertRefused(
        "slots:\n  - {driver: particle, port: COM3, fixture: {address: 127.0.0.1:5025}}\n",
        "slot 1: 'fixture.driver' is missing; name the instrument's driver, one of [");
    assertRefused(
        "slots:\n  - {driver: particle, port: COM3, fixture: {driver: scpi}}\n",
        "slot 1 (scpi): 'fixture.address' is missing");
    assertRefused(
        "slots:\n  - {driver: particle, port: COM3, fixture: {driver: scpi, address: h, timout: 5s}}\n",
        "slot 1 (scpi): unknown key [fixture.timout] ('fixture.timout': did you mean"
            + " 'fixture.timeout'?)");
  }

  private void assertRefused(String yaml, String message) throws Exception {
    Path file = write(yaml);
    assertThatThrownBy(() -> SlotMap.read(file))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining("slot map " + file)
        .hasMessageContaining(message);
  }

  private Path write(String yaml) throws Exception {
    Path file = Files.createTempFile(dir, "slots", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
