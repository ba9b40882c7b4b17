package io.shipready.device.tools.esptool;

import static io.shipready.device.tools.TestImages.REGIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.model.Identifier;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.TestImages;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsptoolProgrammerTest {
  @TempDir Path temp;
  StandIn esptool;

  @BeforeEach
  void standIn() {
    esptool = StandIn.create(temp, "esptool");
  }

  private EsptoolProgrammer programmer(Duration timeout) {
    return new EsptoolProgrammer(
        esptool.runner(), new EsptoolSettings("esp32", "/dev/ttyUSB0", 460800, timeout), REGIONS);
  }

  private static Image image() {
    return TestImages.named("esp-app");
  }

  @Test
  void writesThenVerifiesTheFlashDigest() throws Exception {
    esptool
        .on("write_flash", Reply.stdout("esptool/write-flash.txt"))
        .on("verify_flash", Reply.stdout("esptool/verify-flash.txt"));
    EsptoolProgrammer programmer = programmer(Duration.ofMinutes(1));

    programmer.write(image());

    List<List<String>> calls = esptool.calls();
    assertThat(calls).hasSize(2);
    List<String> common = List.of("--chip", "esp32", "--port", "/dev/ttyUSB0", "--baud", "460800");
    assertThat(calls.get(0).subList(0, 8))
        .isEqualTo(concat(common, List.of("write_flash", "0x00010000")));
    assertThat(calls.get(1).subList(0, 8))
        .isEqualTo(concat(common, List.of("verify_flash", "0x00010000")));
    assertThat(calls.get(0).get(8)).endsWith("esp-app-1.0.bin").isEqualTo(calls.get(1).get(8));
    assertThat(programmer.readBackSha256("esp-app")).isEqualTo(image().sha256());
  }

  @Test
  void aDigestMismatchFailsTheUnit() {
    esptool
        .on("write_flash", Reply.stdout("esptool/write-flash.txt"))
        .on("verify_flash", Reply.stdout("esptool/verify-failed.txt").exit(2));

    assertThatThrownBy(() -> programmer(Duration.ofMinutes(1)).write(image()))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("flash of esp-app differs from the image")
        .hasMessageContaining("verify FAILED: digest mismatch");
  }

  @Test
  void aChipThatDoesNotAnswerIsUnreachable() {
    esptool.on("write_flash", Reply.stdout("esptool/no-chip.txt").exit(2));

    assertThatThrownBy(() -> programmer(Duration.ofMinutes(1)).write(image()))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("chip on /dev/ttyUSB0 not answering")
        .hasMessageContaining("Failed to connect to ESP32: No serial data received.");
    assertThat(esptool.calls()).hasSize(1);
  }

  @Test
  void aWriteThatDoesNotSayWhatItWroteIsUnexpectedOutput() {
    esptool.on("write_flash", Reply.stdout("esptool/verify-flash.txt"));

    assertThatThrownBy(() -> programmer(Duration.ofMinutes(1)).write(image()))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("esptool: unexpected output from 'esptool --chip esp32")
        .hasMessageContaining("expected 'Wrote <n> bytes ... at 0x00010000'");
  }

  @Test
  void readsTheMacAndChip() throws Exception {
    esptool.on("read_mac", Reply.stdout("esptool/read-mac.txt"));
    EsptoolProgrammer programmer = programmer(Duration.ofMinutes(1));

    assertThat(programmer.identifiers())
        .containsExactly(new Identifier(Identifier.WIFI_MAC, "24:0a:c4:12:34:56"));
    assertThat(programmer.versions()).isEqualTo(Map.of("chip", "ESP32-D0WD-V3 (revision v3.0)"));
  }

  @Test
  void readsTheMacFromEsptool5() throws Exception {
    esptool.on("read_mac", Reply.stdout("esptool/read-mac-v5.txt"));
    EsptoolProgrammer programmer = programmer(Duration.ofMinutes(1));

    assertThat(programmer.identifiers())
        .containsExactly(new Identifier(Identifier.WIFI_MAC, "f4:12:fa:aa:bb:cc"));
    assertThat(programmer.versions()).isEqualTo(Map.of("chip", "ESP32-S3 (QFN56) (revision v0.2)"));
  }

  @Test
  void aReadMacWithoutAMacIsUnexpectedOutput() {
    esptool.on("read_mac", Reply.stdout("esptool/no-chip.txt"));

    assertThatThrownBy(() -> programmer(Duration.ofMinutes(1)).identifiers())
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("expected a line 'MAC: xx:xx:xx:xx:xx:xx'");
  }

  @Test
  void aHangingWriteIsStopped() {
    esptool.on("write_flash", Reply.sleeping(120));

    assertThatThrownBy(() -> programmer(Duration.ofSeconds(1)).write(image()))
        .isInstanceOf(ToolTimeoutException.class);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
