package io.shipready.device.tools.particle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Programmer;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.ToolOutputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Particle CLI driver's NCP update over USB in listening mode, its reading of every layout the
 * CLI prints a flash in, and its wait for the cloud connection, on recorded CLI outputs.
 */
class ParticleNcpAndCloudTest {
  private static final String ID = "e00fce68333a0b7e12345678";

  @TempDir Path temp;
  StandIn particle;

  @BeforeEach
  void standIn() {
    particle =
        StandIn.create(temp, "particle")
            .on("identify", Reply.stdout("particle/identify-cellular.txt"));
  }

  private Device device() {
    return ParticleCliDevice.create(new ParticleCli(particle.runner()), "slot-1", "/dev/ttyACM0");
  }

  private static Image image(String region, String version) {
    return new Image(
        region, version, ImageType.FIRMWARE, null, null, new byte[] {1, 2, 3, 4}, null);
  }

  @Test
  void theNcpIsFlashedOverUsbSerialAfterPuttingTheDeviceIntoListeningMode() throws Exception {
    particle
        .on("usb list", Reply.stdout("particle/usb-list-normal.txt"))
        .on("usb start-listening", Reply.stdout("particle/usb-done.txt"))
        .on("flash", Reply.stdout("particle/flash-serial.txt"));
    Programmer programmer = device().require(Programmer.class);

    programmer.write(image("ncp", "0.0.7"));

    List<List<String>> calls = particle.calls();
    assertThat(calls.get(1)).containsExactly("usb", "list");
    assertThat(calls.get(2)).containsExactly("usb", "start-listening", ID);
    List<String> flash = calls.get(3);
    assertThat(flash.subList(0, 2)).containsExactly("flash", "--serial");
    assertThat(flash.get(2)).endsWith("ncp-0.0.7.bin");
    assertThat(flash.subList(3, 5)).containsExactly("--port", "/dev/ttyACM0");
    assertThat(programmer.version("ncp")).isEqualTo("0.0.7");
  }

  @Test
  void aDeviceAlreadyListeningIsFlashedAsItIs() throws Exception {
    particle
        .on("usb list", Reply.stdout("particle/usb-list-listening.txt"))
        .on("flash", Reply.stdout("particle/flash-serial.txt"));

    device().require(Programmer.class).write(image("ncp", "0.0.7"));

    assertThat(particle.calls()).noneMatch(call -> call.contains("start-listening"));
  }

  @Test
  void otherModulesGoThroughFlashLocalNotSerial() throws Exception {
    particle.on("flash", Reply.stdout("particle/flash-success.txt"));

    device().require(Programmer.class).write(image("system", "4.2.0"));

    assertThat(particle.calls().get(1).subList(0, 3)).containsExactly("flash", "--local", ID);
  }

  @Test
  void readsTheDfuAndTheColouredRedrawnLayouts() throws Exception {
    particle.on(
        "flash", Reply.stdout("particle/flash-dfu.txt"), Reply.stdout("particle/flash-colour.txt"));
    Programmer programmer = device().require(Programmer.class);

    programmer.write(image("user", "1.2.0"));
    programmer.write(image("user", "1.2.0"));

    assertThat(programmer.version("user")).isEqualTo("1.2.0");
  }

  @Test
  void aFlashOfAnotherDeviceIsRefusedNamingBoth() {
    particle.on("flash", Reply.stdout("particle/flash-other-device.txt"));

    assertThatThrownBy(() -> device().require(Programmer.class).write(image("user", "1.2.0")))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("a flash of device " + ID)
        .hasMessageContaining("the CLI says it flashed e00fce68aaaabbbbccccdddd");
  }

  @Test
  void aFileThatStoppedShortIsRefusedEvenAfterFlashSuccess() {
    particle.on("flash", Reply.stdout("particle/flash-stopped-short.txt"));

    assertThatThrownBy(() -> device().require(Programmer.class).write(image("user", "1.2.0")))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("user-1.2.0.bin flashed to 100%, but it stopped at 45%");
  }

  @Test
  void waitsForTheCloudReportingEachLook() throws Exception {
    particle.on(
        "usb cloud-status",
        Reply.stdout("particle/cloud-status-connecting.txt"),
        Reply.stdout("particle/cloud-status-connecting.txt"),
        Reply.stdout("particle/cloud-status-connected.txt"));
    List<CloudConnection.Wait> progress = new ArrayList<>();

    CloudConnection.Wait end =
        device()
            .require(CloudConnection.class)
            .awaitConnected(Duration.ofMinutes(1), Duration.ofMillis(20), progress::add);

    assertThat(end.connected()).isTrue();
    assertThat(end.status()).isEqualTo("connected");
    assertThat(progress).hasSize(2).allMatch(wait -> wait.status().equals("connecting"));
    assertThat(particle.calls().get(1)).containsExactly("usb", "cloud-status", ID);
  }

  @Test
  void aDeviceThatNeverConnectsEndsTheWaitAfterTheBudget() throws Exception {
    particle.on("usb cloud-status", Reply.stdout("particle/cloud-status-connecting.txt"));

    CloudConnection.Wait end =
        device()
            .require(CloudConnection.class)
            .awaitConnected(Duration.ofMillis(600), Duration.ofMillis(100), wait -> {});

    assertThat(end.connected()).isFalse();
    assertThat(end.status()).isEqualTo("connecting");
    assertThat(end.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  void aCloudStatusItCannotReadIsRefused() {
    particle.on("usb cloud-status", Reply.stdout("particle/cloud-status-unexpected.txt"));

    assertThatThrownBy(
            () ->
                device()
                    .require(CloudConnection.class)
                    .awaitConnected(Duration.ofSeconds(5), Duration.ofSeconds(1), wait -> {}))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("particle usb cloud-status " + ID)
        .hasMessageContaining("expected one of connected, connecting, disconnected");
  }
}
