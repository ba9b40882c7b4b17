package io.shipready.device.tools.azsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.ImageType;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ImageStore.InstalledImage;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Recovery;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver reads each command's output in the layout it came in (JSON, table, classic), and every
 * image type the ready-to-ship checks judge; what it cannot read it refuses.
 */
class AzsphereLayoutsTest {
  @TempDir Path temp;

  private Device attach(StandIn tool, AzsphereSettings settings) throws InterruptedException {
    return AzsphereDevice.attach(new AzsphereCli(tool.runner(), settings), "slot-1", "21143");
  }

  private StandIn azsphere(String imageList, String state, String capabilities) {
    StandIn tool = StandIn.create(temp, "azsphere");
    tool.on("device list-attached", Reply.stdout("azsphere/list-attached.txt"));
    tool.on("image list-installed", Reply.stdout(imageList));
    tool.on("manufacturing-state show", Reply.stdout(state));
    tool.on("capability show-attached", Reply.stdout(capabilities));
    return tool;
  }

  @Test
  void jsonImageListCoversApplicationsBoardConfigurationAndOsComponents() throws Exception {
    StandIn tool =
        azsphere(
            "azsphere/image-list-installed.json",
            "azsphere/manufacturing-state-blank.txt",
            "azsphere/capability-show-attached.json");
    Device device = attach(tool, AzsphereSettings.DEFAULTS);

    assertThat(device.require(ImageStore.class).installed())
        .extracting(InstalledImage::name, InstalledImage::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ProductApp", ImageType.APPLICATION),
            org.assertj.core.groups.Tuple.tuple("W5500BoardConfig", ImageType.BOARD_CONFIG),
            org.assertj.core.groups.Tuple.tuple("NormalWorldKernel", ImageType.OS_COMPONENT),
            org.assertj.core.groups.Tuple.tuple("TrustedKeystore", ImageType.KEYSTORE));
    // The OS is judged from its components alone: not the board configuration, not the keystore.
    assertThat(device.require(Recovery.class).osComponentImageIds())
        .containsExactly("7bd58a5c-2e73-4b07-b2d9-3c1d03b0a1e0");
    assertThat(device.require(ManufacturingStates.class).installedCapabilities())
        .containsExactly("EnableFieldServicing", "EnableAppDevelopment");
    assertThat(tool.calls())
        .contains(
            List.of("device", "image", "list-installed", "--output", "json", "--device", "21143"),
            List.of(
                "device",
                "image",
                "list-installed",
                "--full",
                "--output",
                "json",
                "--device",
                "21143"));
  }

  @Test
  void classicBlocksOfOlderReleasesAreRead() throws Exception {
    StandIn tool =
        azsphere(
            "azsphere/image-list-installed-classic.txt",
            "azsphere/manufacturing-state-classic.txt",
            "azsphere/capability-show-attached-classic.txt");
    tool.on("device list-attached", Reply.stdout("azsphere/list-attached-old-format.txt"));
    Device device =
        attach(tool, AzsphereSettings.DEFAULTS.withLayout(AzsphereSettings.Layout.CLASSIC));

    assertThat(device.require(ImageStore.class).installed())
        .extracting(InstalledImage::imageId, InstalledImage::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dc6205bd-4478-4c9b-81ad-5e41ac23ed68", ImageType.APPLICATION),
            org.assertj.core.groups.Tuple.tuple(
                "f171d4a6-3ecf-466b-8024-c179a7f38b26", ImageType.BOARD_CONFIG),
            org.assertj.core.groups.Tuple.tuple(
                "1f49a1ef-7d4b-4d8e-9c0b-8e6b0e0f5d33", ImageType.OS_COMPONENT));
    assertThat(device.require(ManufacturingStates.class).current())
        .isEqualTo(ManufacturingState.MODULE1_COMPLETE);
    assertThat(device.require(ManufacturingStates.class).installedCapabilities())
        .containsExactly("EnableFieldServicing");
    assertThat(tool.calls()).allSatisfy(call -> assertThat(call).doesNotContain("--output"));
  }

  @Test
  void tableLayoutIsStillRead() throws Exception {
    StandIn tool =
        azsphere(
            "azsphere/image-list-installed-all.txt",
            "azsphere/manufacturing-state-module1complete.txt",
            "azsphere/capability-show-attached.txt");
    Device device =
        attach(tool, AzsphereSettings.DEFAULTS.withLayout(AzsphereSettings.Layout.TABLE));

    assertThat(device.require(Recovery.class).osComponentImageIds())
        .containsExactly(
            "7bd58a5c-2e73-4b07-b2d9-3c1d03b0a1e0", "1f49a1ef-7d4b-4d8e-9c0b-8e6b0e0f5d33");
    assertThat(device.require(ManufacturingStates.class).current())
        .isEqualTo(ManufacturingState.MODULE1_COMPLETE);
    assertThat(tool.calls()).allSatisfy(call -> assertThat(call).contains("table"));
  }

  @Test
  void anImageTypeTheDriverDoesNotKnowIsRefused() {
    ToolResult printed =
        printed(
            "[{\"name\": \"Mystery\", \"componentId\": \"c\", \"imageId\": \"i\","
                + " \"imageType\": \"QuantumBlob\"}]");
    assertThat(AzsphereImages.type("QuantumBlob")).isNull();
    assertThat(AzsphereOutput.rows(printed, AzsphereImages.COLUMNS)).hasSize(1);
    assertThat(AzsphereImages.type("Customer board config")).isEqualTo(ImageType.BOARD_CONFIG);
  }

  @Test
  void fieldsMatchAcrossSpellingsAndAMissingOneIsNamed() {
    assertThat(
            AzsphereOutput.single(
                printed("{\"connectionState\": \"connected\", \"ssid\": \"t\"}"),
                List.of("ConnectionState", "SSID")))
        .isEqualTo(Map.of("ConnectionState", "connected", "SSID", "t"));
    assertThatThrownBy(
            () ->
                AzsphereOutput.single(
                    printed(" --> SSID: t\n --> Security state: psk\n"),
                    List.of("ssid", "connectionState")))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("with ssid, connectionState (found [SSID, Security state])");
  }

  @Test
  void textInNoLayoutAndEmptyOutputAreRefused() {
    assertThatThrownBy(() -> AzsphereOutput.rows(printed("Blank\n"), List.of("x")))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("expected JSON, the table layout or the classic '-->' layout");
    assertThatThrownBy(() -> AzsphereOutput.rows(printed(""), List.of("x")))
        .isInstanceOf(ToolOutputException.class);
    assertThat(AzsphereOutput.rows(printed("No devices attached.\n"), List.of("x"))).isEmpty();
    assertThat(AzsphereOutput.rows(printed("[]"), List.of("x"))).isEmpty();
  }

  private static ToolResult printed(String stdout) {
    return new ToolResult(
        "azsphere", List.of("device", "x"), 0, stdout, "", Duration.ofMillis(5), false);
  }
}
