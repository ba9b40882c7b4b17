package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageRejectedException;
import io.shipready.core.device.ImageType;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ImageStore.InstalledImage;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Recovery;
import io.shipready.device.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The azsphere driver against the azsphere stand-in: a unit's whole way through the factory. */
class AzsphereStandInTest {
  @TempDir Path temp;
  StandIns standIns;

  @BeforeEach
  void standIns() {
    standIns = StandIns.in(temp);
  }

  @Test
  void aUnitGoesFromRecoveryToDeviceCompleteAndThenRefusesSideloads() throws Exception {
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");
    Device unit = slot("21143");

    List<Image> os = List.of(osImage(0), osImage(1), osImage(2));
    unit.require(Recovery.class).recover(os);
    assertThat(unit.require(Recovery.class).osComponentImageIds())
        .containsExactlyElementsOf(os.stream().map(AzsphereStandInTest::imageId).toList());

    ImageStore images = unit.require(ImageStore.class);
    images.install(application("tracker-app", "1.4.2"));
    images.install(application("functional-test", "2.0"));
    String testComponent = componentOf(images.installed(), "functional-test");
    images.delete(testComponent);
    assertThat(images.installed())
        .extracting(InstalledImage::name, InstalledImage::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tracker-app", ImageType.APPLICATION));

    ManufacturingStates states = unit.require(ManufacturingStates.class);
    assertThat(states.current()).isEqualTo(ManufacturingState.BLANK);
    states.advanceTo(ManufacturingState.MODULE1_COMPLETE);
    assertThat(states.installedCapabilities()).isEmpty();
    states.advanceTo(ManufacturingState.DEVICE_COMPLETE);
    assertThat(states.current()).isEqualTo(ManufacturingState.DEVICE_COMPLETE);

    assertThatThrownBy(() -> images.install(application("tracker-app", "1.4.3")))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("DeviceComplete");
    assertThatThrownBy(() -> images.installed()).isInstanceOf(OperationRefusedException.class);
    ToolResult back =
        standIns.run(
            "azsphere",
            "device",
            "manufacturing-state",
            "update",
            "--state",
            "Module1Complete",
            "--device",
            "21143");
    assertThat(back.exitCode()).isEqualTo(1);
    assertThat(back.stderr()).contains("manufacturing states only move forward");
    assertThat(standIns.device("show", "21143"))
        .contains("\"manufacturing_state\": \"DeviceComplete\"");
  }

  @Test
  void aFieldServicingCapabilityStillAllowsSideloadsOnACompleteDevice() throws Exception {
    standIns.device(
        "create",
        "--family",
        "azure-sphere",
        "--id",
        "21143",
        "--state",
        "DeviceComplete",
        "--capability",
        "EnableFieldServicing");
    Device unit = slot("21143");

    unit.require(ImageStore.class).install(application("tracker-app", "1.4.2"));

    assertThat(unit.require(ManufacturingStates.class).installedCapabilities())
        .containsExactly("EnableFieldServicing");
  }

  @Test
  void aStaleKeystoreRefusesImagesUntilTheNewerKeystoreIsLoaded() throws Exception {
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");
    standIns.device("fault", "21143", "not-trusted");
    ImageStore images = slot("21143").require(ImageStore.class);

    assertThatThrownBy(() -> images.install(application("tracker-app", "1.4.2")))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            rejected ->
                assertThat(rejected.reason()).isEqualTo(ImageRejectedException.Reason.NOT_TRUSTED));
    images.install(
        new Image(
            "keystore", "2024", ImageType.KEYSTORE, null, null, bytes("keystore 2024"), null));
    images.install(application("tracker-app", "1.4.2"));

    assertThat(images.installed()).extracting(InstalledImage::name).containsExactly("tracker-app");
  }

  @Test
  void eachSlotReachesItsOwnUnitAmongSeveral() throws Exception {
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");
    standIns.device("create", "--family", "azure-sphere", "--id", "21144");

    Device second = slot("192.168.36.2");

    assertThat(second.require(ConnectionInfo.class).connectionPath()).isEqualTo("21144");
    assertThat(second.require(Identity.class).identifiers())
        .extracting(Identifier::kind)
        .containsExactly(Identifier.DEVICE_ID, Identifier.WIFI_MAC);
    ToolResult unnamed = standIns.run("azsphere", "device", "manufacturing-state", "show");
    assertThat(unnamed.exitCode()).isEqualTo(1);
    assertThat(unnamed.stderr()).contains("multiple devices need --device");
  }

  @Test
  void aUnitThatIsNotAttachedIsUnreachable() throws Exception {
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");
    standIns.device("fault", "21143", "not-attached");

    assertThatThrownBy(() -> slot("21143")).isInstanceOf(DeviceUnreachableException.class);
  }

  @Test
  void wifiNetworksAreAddedListedAndForgotten() throws Exception {
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");

    ToolResult added =
        standIns.run(
            "azsphere",
            "device",
            "wifi",
            "add",
            "--ssid",
            "factory-test",
            "--psk",
            "not-a-secret",
            "--device",
            "21143");
    ToolResult listed =
        standIns.run("azsphere", "device", "wifi", "list", "--output", "json", "--device", "21143");
    ToolResult status = standIns.run("azsphere", "device", "wifi", "show-status", "-d", "21143");
    ToolResult forgot =
        standIns.run("azsphere", "device", "wifi", "forget", "--id", "0", "--device", "21143");
    ToolResult empty = standIns.run("azsphere", "device", "wifi", "list", "--device", "21143");

    assertThat(added.stdout()).contains("factory-test").contains("psk");
    assertThat(listed.stdout()).contains("\"ssid\": \"factory-test\"");
    assertThat(status.stdout()).contains("connected").contains("WPA2-PSK");
    assertThat(forgot.stdout()).contains("Successfully forgotten network.");
    assertThat(empty.stdout()).doesNotContain("factory-test").contains("SSID");
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() throws Exception {
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");

    ToolResult command = standIns.run("azsphere", "device", "reflash", "--device", "21143");
    ToolResult option =
        standIns.run(
            "azsphere", "device", "image", "list-installed", "--everything", "-d", "21143");

    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.stderr()).contains("invalid choice: 'reflash'");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.stderr()).contains("unrecognized arguments: --everything");
  }

  private Device slot(String target) throws InterruptedException {
    return standIns.attach("slot-1", Map.of("driver", "azsphere", "device", target));
  }

  private static Image osImage(int part) {
    return new Image(
        "os-24.10-" + part,
        "24.10",
        ImageType.OS_COMPONENT,
        null,
        null,
        bytes("OS 24.10 part " + part),
        null);
  }

  private static Image application(String name, String version) {
    return new Image(
        name, version, ImageType.APPLICATION, null, null, bytes(name + " " + version), null);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The stand-in, like a package's metadata, gives each distinct image its own id. */
  private static String imageId(Image image) {
    String hex = image.sha256().substring(0, 32);
    return UUID.fromString(
            hex.substring(0, 8)
                + "-"
                + hex.substring(8, 12)
                + "-"
                + hex.substring(12, 16)
                + "-"
                + hex.substring(16, 20)
                + "-"
                + hex.substring(20))
        .toString();
  }

  private static String componentOf(List<InstalledImage> images, String name) {
    return images.stream()
        .filter(image -> image.name().equals(name))
        .findFirst()
        .orElseThrow()
        .componentId();
  }
}
