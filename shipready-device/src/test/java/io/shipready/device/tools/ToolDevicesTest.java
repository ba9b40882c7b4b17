package io.shipready.device.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.ConnectionInfo;
import io.shipready.core.device.Identity;
import io.shipready.core.device.ImageStore;
import io.shipready.core.device.ManufacturingStates;
import io.shipready.core.device.Programmer;
import io.shipready.core.device.Recovery;
import io.shipready.device.tools.StandIn.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolDevicesTest {
  @TempDir Path temp;

  @Test
  void anAzsphereSlotAttachesTheDeviceAtItsConnectionPath() throws Exception {
    StandIn azsphere = StandIn.create(temp, "azsphere");
    azsphere.on("list-attached", Reply.stdout("azsphere/list-attached.txt"));

    ToolDevice device =
        ToolDevices.forSlot(
            "slot-2", Map.of("driver", "azsphere", "device", "21144"), azsphere.runner());

    assertThat(device.family()).isEqualTo("azure-sphere");
    assertThat(device.capabilityTypes())
        .containsExactlyInAnyOrder(
            Identity.class,
            ConnectionInfo.class,
            ImageStore.class,
            Recovery.class,
            ManufacturingStates.class);
    assertThat(device.require(ConnectionInfo.class).ipAddress()).isEqualTo("192.168.36.2");
  }

  @Test
  void programmerSlotsCarryTheirFamilyAndRegions() throws Exception {
    StandIn esptool = StandIn.create(temp, "esptool");
    esptool
        .on("write_flash", Reply.stdout("esptool/write-flash.txt"))
        .on("verify_flash", Reply.stdout("esptool/verify-flash.txt"));

    ToolDevice device =
        ToolDevices.forSlot(
            "slot-7",
            Map.of(
                "driver", "esptool",
                "family", "my-product",
                "port", "/dev/ttyUSB0",
                "chip", "esp32",
                "regions", Map.of("esp-app", "0x10000")),
            esptool.runner());
    device.require(Programmer.class).write(TestImages.named("esp-app"));

    assertThat(device.family()).isEqualTo("my-product");
    assertThat(device.capabilityTypes())
        .containsExactlyInAnyOrder(Programmer.class, Identity.class);
    assertThat(esptool.calls().get(0)).contains("0x00010000");
  }

  @Test
  void everyDriverBuildsFromItsSettings() throws Exception {
    ToolRunner runner = new ToolRunner(ToolLocator.fromEnvironment(Map.of()));
    List<Map<String, ?>> slots =
        List.of(
            Map.of("driver", "particle", "port", "/dev/ttyACM0"),
            Map.of(
                "driver",
                "jlink",
                "family",
                "afero-asr",
                "probe",
                "683012345",
                "device",
                "NRF52840_XXAA",
                "speed_khz",
                2000,
                "regions",
                Map.of("app", 0x27000)),
            Map.of("driver", "nrfjprog", "family", "particle", "probe", "1", "nrf_family", "NRF53"),
            Map.of("driver", "nrfutil", "family", "particle", "probe", "2", "timeout_s", 300),
            Map.of(
                "driver",
                "openocd",
                "family",
                "afero-asr",
                "probe",
                "E66",
                "config",
                List.of("interface/cmsis-dap.cfg", "target/nrf52.cfg")));

    for (Map<String, ?> slot : slots) {
      assertThat(ToolDevices.forSlot("slot-x", slot, runner).capability(Programmer.class))
          .as(slot.toString())
          .isPresent();
    }
  }

  @Test
  void badSettingsNameTheSlotAndKey() {
    ToolRunner runner = new ToolRunner(ToolLocator.fromEnvironment(Map.of()));

    assertThatThrownBy(() -> ToolDevices.forSlot("slot-3", Map.of("driver", "stlink"), runner))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining("slot slot-3: setting 'driver' is 'stlink'; use one of [azsphere");
    assertThatThrownBy(() -> ToolDevices.forSlot("slot-3", Map.of("driver", "particle"), runner))
        .hasMessageContaining("slot slot-3: setting 'port' is missing");
    assertThatThrownBy(
            () ->
                ToolDevices.forSlot(
                    "slot-3", Map.of("driver", "particle", "port", "COM3", "prot", "x"), runner))
        .hasMessageContaining("slot slot-3: unknown setting(s) [prot]");
    assertThatThrownBy(
            () ->
                ToolDevices.forSlot(
                    "slot-3",
                    Map.of(
                        "driver",
                        "nrfutil",
                        "family",
                        "p",
                        "probe",
                        "1",
                        "regions",
                        Map.of("app", "0xZZ")),
                    runner))
        .hasMessageContaining("slot slot-3 regions.app: '0xZZ' is not an address");
  }

  @Test
  void theToolsBlockPointsToExecutables() {
    ToolLocator locator = ToolDevices.locator(Map.of("openocd", temp.resolve("bin/openocd")));

    assertThatThrownBy(() -> locator.locate("openocd"))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("the configured path " + temp.resolve("bin/openocd"));
  }
}
