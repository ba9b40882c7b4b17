package io.shipready.device.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Settings;
import io.shipready.core.spi.SlotBinding;
import io.shipready.core.spi.SlotSettings;
import io.shipready.core.spi.Wifi;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.tools.ToolDevice;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The drivers registered on the class path, and what each says its units can do. */
class DeviceDriversTest {
  private final DeviceDrivers drivers = DeviceDrivers.load();

  @Test
  void findsEveryDriver() {
    assertThat(drivers.names())
        .containsExactly(
            "afero-rssi",
            "azsphere",
            "esptool",
            "gdb-remote",
            "jlink",
            "nrfjprog",
            "nrfutil",
            "openocd",
            "particle",
            "scpi",
            "simulated",
            "station-radio");
    assertThat(drivers.all()).allSatisfy(d -> assertThat(d.description()).isNotBlank());
  }

  @Test
  void twoDriversOfOneNameAreRefused() {
    DeviceDriver jlink = drivers.find("jlink").orElseThrow();

    assertThatThrownBy(() -> DeviceDrivers.of(List.of(jlink, jlink)))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining("two device drivers are named 'jlink'");
  }

  @Test
  void eachDriverSaysWhatItsUnitsCanDoBeforeReachingThem() throws Exception {
    assertThat(capabilities("azsphere", Map.of("device", "192.168.35.2")))
        .containsExactlyInAnyOrder(
            Identity.class,
            ConnectionInfo.class,
            ImageStore.class,
            Recovery.class,
            ManufacturingStates.class,
            Wifi.class,
            Power.class,
            Ethernet.class);
    assertThat(
            capabilities(
                "azsphere", Map.of("device", "192.168.35.2", "rf_tool", Map.of("path", "rftool"))))
        .contains(Fuses.class);
    assertThat(capabilities("particle", Map.of("port", "/dev/ttyACM0")))
        .containsExactlyInAnyOrder(
            Identity.class, Programmer.class, Settings.class, Power.class, CloudConnection.class);
    assertThat(capabilities("esptool", Map.of("family", "f", "port", "/dev/ttyUSB0")))
        .containsExactlyInAnyOrder(Programmer.class, Identity.class);
    // Probes read an nRF51/52 chip's FICR ids; a J-Link also measures VTref on any chip.
    assertThat(
            capabilities("jlink", Map.of("family", "f", "probe", "1", "device", "NRF52840_XXAA")))
        .containsExactlyInAnyOrder(Programmer.class, Identity.class, Sensors.class);
    assertThat(capabilities("jlink", Map.of("family", "f", "probe", "1", "device", "STM32F407VG")))
        .containsExactlyInAnyOrder(Programmer.class, Sensors.class);
    assertThat(capabilities("nrfjprog", Map.of("family", "f", "probe", "1")))
        .containsExactlyInAnyOrder(Programmer.class, Identity.class);
    assertThat(capabilities("nrfjprog", Map.of("family", "f", "probe", "1", "nrf_family", "NRF91")))
        .containsExactly(Programmer.class);
    assertThat(capabilities("nrfutil", Map.of("family", "f", "probe", "1")))
        .containsExactlyInAnyOrder(Programmer.class, Identity.class);
    assertThat(capabilities("openocd", Map.of("family", "f", "probe", "1", "config", "a.cfg")))
        .containsExactly(Programmer.class);
    assertThat(capabilities("scpi", Map.of("address", "127.0.0.1")))
        .containsExactlyInAnyOrder(
            Power.class, Sensors.class, io.shipready.core.spi.FixturePower.class);
    assertThat(capabilities("simulated", Map.of("family", "azure-sphere")))
        .contains(ManufacturingStates.class, Recovery.class, ImageStore.class);
  }

  @Test
  void theUnitsAttachedHaveExactlyWhatTheDriverSaid() throws Exception {
    List<Map<String, Object>> slots =
        List.of(
            Map.of("driver", "particle", "port", "/dev/ttyACM0"),
            Map.of("driver", "esptool", "family", "f", "port", "/dev/ttyUSB0"),
            Map.of("driver", "jlink", "family", "f", "probe", "1", "device", "NRF52840_XXAA"),
            Map.of("driver", "nrfjprog", "family", "f", "probe", "1"),
            Map.of("driver", "nrfutil", "family", "f", "probe", "1"),
            Map.of("driver", "openocd", "family", "f", "probe", "1", "config", List.of("a.cfg")),
            Map.of("driver", "simulated", "family", "particle"),
            Map.of("driver", "simulated", "family", "azure-sphere"),
            Map.of("driver", "simulated", "family", "afero-asr"));
    for (Map<String, Object> slot : slots) {
      Map<String, Object> settings = new java.util.HashMap<>(slot);
      String driver = (String) settings.remove("driver");
      try (SlotBinding binding = bind(driver, settings)) {
        Device unit = binding.attach(7, "SN00007");
        assertThat(has(unit)).as(slot.toString()).isEqualTo(binding.capabilities());
        assertThat(unit.slot()).isEqualTo("9");
      }
    }
  }

  @Test
  void aSimulatedSlotGivesUnitsOfItsFamilyBySeed() throws Exception {
    SlotBinding slot =
        bind("simulated", Map.of("family", "particle", "simulation", Map.of("seed", 42)));

    SimulatedDevice unit = (SimulatedDevice) slot.attach(7, "ignored");

    assertThat(unit.family()).isEqualTo("particle");
    assertThat(unit.unitNumber()).isEqualTo(7);
    assertThat(unit.require(Identity.class).identifiers())
        .isEqualTo(
            ((SimulatedDevice) slot.attach(7, "ignored")).require(Identity.class).identifiers());
  }

  @Test
  void aProgrammerSlotCarriesItsFamily() throws Exception {
    ToolDevice unit =
        (ToolDevice)
            bind("nrfjprog", Map.of("family", "particle", "probe", "683012346")).attach(1, "S1");

    assertThat(unit.family()).isEqualTo("particle");
    assertThat(unit.capabilityTypes()).containsExactlyInAnyOrder(Programmer.class, Identity.class);
  }

  private Set<Class<? extends Capability>> has(Device unit) {
    Set<Class<? extends Capability>> found = new HashSet<>();
    for (Class<? extends Capability> type : AllCapabilities.TYPES) {
      unit.capability(type).ifPresent(c -> found.add(type));
    }
    return found;
  }

  private Set<Class<? extends Capability>> capabilities(String driver, Map<String, ?> values) {
    return bind(driver, values).capabilities();
  }

  private SlotBinding bind(String driver, Map<String, ?> values) {
    SlotSettings settings = SlotSettings.builder("9", driver).values(values).build();
    SlotBinding binding = drivers.find(driver).orElseThrow().bind(settings);
    settings.rejectUnknownKeys();
    return binding;
  }
}
