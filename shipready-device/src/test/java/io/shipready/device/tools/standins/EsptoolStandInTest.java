package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Programmer;
import io.shipready.device.tools.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The esptool driver against the esptool stand-in, under both of esptool's executable names. */
class EsptoolStandInTest {
  private static final String PORT = "/dev/ttyUSB0";

  @TempDir Path temp;
  StandIns standIns;

  @BeforeEach
  void standIns() {
    standIns = StandIns.in(temp);
    standIns.device("create", "--family", "esp", "--id", PORT, "--mac", "24:0a:c4:12:34:56");
  }

  @Test
  void aWrittenRegionReadsBackAndTheChipIsIdentified() throws Exception {
    Device unit = slot(Map.of());
    Image app = app();

    unit.require(Programmer.class).write(app);
    ToolResult read =
        standIns.run(
            "esptool",
            "--chip",
            "esp32",
            "--port",
            PORT,
            "read_flash",
            "0x10000",
            Integer.toString(app.content().length),
            temp.resolve("back.bin").toString());

    assertThat(unit.require(Programmer.class).readBackSha256("esp-app")).isEqualTo(app.sha256());
    assertThat(read.exitCode()).as(read.output()).isZero();
    assertThat(Files.readAllBytes(temp.resolve("back.bin"))).isEqualTo(app.content());
    assertThat(unit.require(Identity.class).identifiers())
        .containsExactly(new Identifier(Identifier.WIFI_MAC, "24:0a:c4:12:34:56"));
    assertThat(unit.require(Identity.class).versions())
        .containsEntry("chip", "ESP32-D0WD-V3 (revision v3.0)");
  }

  @Test
  void theEsptoolPyNameAnswersTheSame() throws Exception {
    slot(Map.of("esptool", standIns.executable("esptool.py")))
        .require(Programmer.class)
        .write(app());

    assertThat(standIns.flash(PORT, 0x10000, app().content().length)).isEqualTo(app().content());
  }

  @Test
  void aByteThatDoesNotHoldFailsTheWrite() throws Exception {
    standIns.device("fault", PORT, "verify-mismatch");
    Programmer programmer = slot(Map.of()).require(Programmer.class);

    assertThatThrownBy(() -> programmer.write(app()))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("MD5 of file does not match data in flash");
    assertThat(programmer.readBackSha256("esp-app")).isEmpty();
  }

  @Test
  void aPortThatDoesNotExistIsUnreachable() throws Exception {
    standIns.device("fault", PORT, "not-attached");

    assertThatThrownBy(() -> slot(Map.of()).require(Programmer.class).write(app()))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("could not open port");
  }

  @Test
  void theWrongChipArgumentIsRefused() throws Exception {
    ToolResult result = standIns.run("esptool", "--chip", "esp32s3", "--port", PORT, "read_mac");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("This chip is ESP32, not ESP32-S3");
  }

  private Device slot(Map<String, Path> tools) throws InterruptedException {
    return standIns.attach(
        "slot-7",
        Map.of(
            "driver", "esptool",
            "family", "my-product",
            "port", PORT,
            "chip", "esp32",
            "regions", Map.of("esp-app", "0x10000")),
        tools);
  }

  private static Image app() {
    byte[] content = new byte[5000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i % 251);
    }
    return new Image("esp-app", "1.0", ImageType.FIRMWARE, null, null, content, null);
  }
}
