package io.shipready.device.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Programmer;
import io.shipready.device.slots.SlotMap;
import io.shipready.device.slots.SlotUnits;
import io.shipready.device.tools.StandIn.Reply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool slots of a slot map, run against stand-ins for the vendor tools. */
class ToolDevicesTest {
  @TempDir Path temp;

  @Test
  void anAzsphereSlotAttachesTheDeviceAtItsConnectionPath() throws Exception {
    StandIn azsphere = StandIn.create(temp, "azsphere");
    azsphere.on("list-attached", Reply.stdout("azsphere/list-attached.txt"));
    SlotMap map =
        SlotMap.builder()
            .tool("azsphere", azsphere.script().toString())
            .slot("slot-2", "azsphere", Map.of("device", "21144"))
            .build();

    try (SlotUnits units = new SlotUnits(map, 1, "S")) {
      Device device = units.next("slot-2").orElseThrow().device();

      assertThat(device.family()).isEqualTo("azure-sphere");
      assertThat(device.require(ConnectionInfo.class).ipAddress()).isEqualTo("192.168.36.2");
      assertThat(azsphere.calls().get(0)).contains("list-attached");
    }
  }

  @Test
  void programmerSlotsCarryTheirFamilyAndRegions() throws Exception {
    StandIn esptool = StandIn.create(temp, "esptool");
    esptool
        .on("write_flash", Reply.stdout("esptool/write-flash.txt"))
        .on("verify_flash", Reply.stdout("esptool/verify-flash.txt"));
    SlotMap map =
        SlotMap.builder()
            .tool("esptool", esptool.script().toString())
            .slot(
                "slot-7",
                "esptool",
                Map.of(
                    "family", "my-product",
                    "port", "/dev/ttyUSB0",
                    "chip", "esp32",
                    "regions", Map.of("esp-app", "0x10000")))
            .build();

    try (SlotUnits units = new SlotUnits(map, 1, "S")) {
      Device device = units.next("slot-7").orElseThrow().device();
      device.require(Programmer.class).write(TestImages.named("esp-app"));

      assertThat(device.family()).isEqualTo("my-product");
      assertThat(esptool.calls().get(0)).contains("0x00010000", "/dev/ttyUSB0");
    }
  }

  @Test
  void aToolAtAConfiguredPathThatIsNotThereIsNamedWithTheSettingToFix() throws Exception {
    SlotMap map =
        SlotMap.builder()
            .tool("openocd", temp.resolve("bin/openocd").toString())
            .slot(
                "1",
                "openocd",
                Map.of(
                    "family",
                    "f",
                    "probe",
                    "E66",
                    "config",
                    "target/nrf52.cfg",
                    "regions",
                    Map.of("app", 0x27000)))
            .build();

    try (SlotUnits units = new SlotUnits(map, 1, "S")) {
      Programmer programmer = units.next("1").orElseThrow().device().require(Programmer.class);

      assertThatThrownBy(() -> programmer.write(TestImages.app()))
          .isInstanceOf(ToolMissingException.class)
          .hasMessageContaining("the configured path " + temp.resolve("bin/openocd"))
          .hasMessageContaining("tools.openocd");
    }
  }

  @Test
  void aToolOnNoDirectoryOfThePathIsNamedWithThePathSearched() throws Exception {
    assumeTrue(
        !locates("nrfutil"), "nrfutil is installed here; the missing-tool message cannot be seen");
    SlotMap map =
        SlotMap.builder()
            .slot(
                "1",
                "nrfutil",
                Map.of("family", "f", "probe", "1", "regions", Map.of("app", 0x27000)))
            .build();

    try (SlotUnits units = new SlotUnits(map, 1, "S")) {
      Programmer programmer = units.next("1").orElseThrow().device().require(Programmer.class);

      assertThatThrownBy(() -> programmer.write(TestImages.app()))
          .isInstanceOf(ToolMissingException.class)
          .hasMessageContaining("nrfutil not found: looked for nrfutil on the PATH (")
          .hasMessageContaining("SHIPREADY_TOOL_NRFUTIL");
    }
  }

  @Test
  void theToolsBlockPointsToExecutables() {
    ToolLocator locator = ToolDevices.locator(Map.of("openocd", temp.resolve("bin/openocd")));

    assertThatThrownBy(() -> locator.locate("openocd"))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("the configured path " + temp.resolve("bin/openocd"));
  }

  private static boolean locates(String tool) {
    try {
      ToolLocator.fromEnvironment().locate(tool);
      return true;
    } catch (ToolMissingException missing) {
      return false;
    }
  }
}
