package io.shipready.device.tools.azsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.ShipreadyException;
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
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.ToolMissingException;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.ToolTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzsphereDeviceTest {
  private static final String DEVICE_ID =
      "352fe1f59e40ef8a9266415e81af32b5b07d8f2bbd6b5650cef4a70b86c7fcbc"
          + "70b129a41fbc6d02f8bb4aaabc52cd5740c85427d205e46a166b7e41135eb968";

  @TempDir Path temp;
  StandIn azsphere;

  @BeforeEach
  void attachedDevices() {
    azsphere = StandIn.create(temp, "azsphere");
    azsphere.on("device list-attached", Reply.stdout("azsphere/list-attached.txt"));
    azsphere.on("wifi show-status", Reply.stdout("azsphere/wifi-show-status.json"));
  }

  private Device attach() throws InterruptedException {
    return AzsphereDevice.attach(cli(), "slot-2", "21143");
  }

  private AzsphereCli cli() {
    return new AzsphereCli(azsphere.runner(), AzsphereSettings.DEFAULTS);
  }

  @Test
  void identifiesTheChipAtTheSlotsConnectionPath() throws Exception {
    Device device = attach();

    assertThat(device.slot()).isEqualTo("slot-2");
    assertThat(device.family()).isEqualTo("azure-sphere");
    assertThat(device.require(Identity.class).identifiers())
        .containsExactly(
            new Identifier(Identifier.DEVICE_ID, DEVICE_ID),
            new Identifier(Identifier.WIFI_MAC, "02:1a:2b:bd:7b:10"));
    assertThat(device.require(ConnectionInfo.class).ipAddress()).isEqualTo("192.168.35.2");
    assertThat(device.require(ConnectionInfo.class).connectionPath()).isEqualTo("21143");
    assertThat(azsphere.calls())
        .containsOnly(
            List.of("device", "list-attached", "--output", "json"),
            List.of("device", "wifi", "show-status", "--output", "json", "--device", "21143"));
  }

  @Test
  void readsTheDeviceIdAgainWhenAnotherChipIsPluggedIntoTheSameInterface() throws Exception {
    StandIn swapped = StandIn.create(temp.resolve("swapped"), "azsphere");
    swapped.on(
        "list-attached",
        Reply.stdout("azsphere/list-attached.txt"),
        Reply.stdout("azsphere/list-attached-swapped.txt"));
    swapped.on("wifi show-status", Reply.stdout("azsphere/wifi-show-status.json"));
    Device device =
        AzsphereDevice.attach(
            new AzsphereCli(swapped.runner(), AzsphereSettings.DEFAULTS), "slot-2", "21143");

    assertThat(device.require(Identity.class).identifiers().get(0).value())
        .startsWith("0123456789abcdef");
  }

  @Test
  void everyDeviceCommandNamesTheSlotsDevice() throws Exception {
    azsphere
        .on("sideload deploy", Reply.stdout("azsphere/sideload-deploy.txt"))
        .on("sideload delete", Reply.stdout("azsphere/sideload-delete.txt"))
        .on("image list-installed", Reply.stdout("azsphere/image-list-installed.txt"))
        .on(
            "manufacturing-state show",
            Reply.stdout("azsphere/manufacturing-state-blank.txt"),
            Reply.stdout("azsphere/manufacturing-state-devicecomplete.txt"))
        .on("manufacturing-state update", Reply.stdout("azsphere/manufacturing-state-update.txt"))
        .on("capability show-attached", Reply.stdout("azsphere/capability-show-attached.txt"))
        .on("recover", Reply.stdout("azsphere/recover.txt"));
    Device device = attach();

    device.require(ImageStore.class).install(app());
    device.require(ImageStore.class).delete("8548b129-b16f-4f84-8dbe-d2c847862e78");
    device.require(ImageStore.class).installed();
    device.require(ManufacturingStates.class).advanceTo(ManufacturingState.DEVICE_COMPLETE);
    device.require(ManufacturingStates.class).installedCapabilities();
    device.require(Recovery.class).recover(List.of(osImage()));

    List<List<String>> deviceCommands = azsphere.calls().subList(1, azsphere.calls().size());
    // list-attached asks about every chip; it is the one command without --device.
    assertThat(deviceCommands).hasSize(8);
    for (List<String> call : deviceCommands) {
      assertThat(call).first().isEqualTo("device");
      assertThat(call).containsSubsequence("--device", "21143");
      assertThat(call.stream().filter("--device"::equals)).hasSize(1);
    }
    assertThat(deviceCommands.get(1))
        .containsExactly(
            "device",
            "sideload",
            "delete",
            "--component-id",
            "8548b129-b16f-4f84-8dbe-d2c847862e78",
            "--device",
            "21143");
    assertThat(deviceCommands.get(4))
        .containsExactly(
            "device",
            "manufacturing-state",
            "update",
            "--state",
            "DeviceComplete",
            "--device",
            "21143");
  }

  @Test
  void sideloadsTheImageAsAPackageFile() throws Exception {
    azsphere.on("sideload deploy", Reply.stdout("azsphere/sideload-deploy.txt"));

    attach().require(ImageStore.class).install(app());

    List<String> deploy = azsphere.calls().get(1);
    assertThat(deploy.subList(0, 4))
        .containsExactly("device", "sideload", "deploy", "--image-package");
    assertThat(deploy.get(4)).endsWith("FactoryTest-1.0.imagepackage");
    assertThat(Path.of(deploy.get(4))).as("the temporary package is removed").doesNotExist();
  }

  @Test
  void anImageNotTrustedByTheDeviceIsRejectedAsNotTrusted() throws Exception {
    azsphere.on("sideload deploy", Reply.stderr("azsphere/sideload-not-trusted.txt").exit(1));

    assertThatThrownBy(() -> attach().require(ImageStore.class).install(app()))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            rejected ->
                assertThat(rejected.reason()).isEqualTo(ImageRejectedException.Reason.NOT_TRUSTED))
        .hasMessageContaining("Image not trusted by device")
        .hasMessageContaining("load the newer trusted keystore");
  }

  @Test
  void aLockedDeviceRefusesTheSideload() throws Exception {
    azsphere.on("sideload deploy", Reply.stderr("azsphere/locked.txt").exit(1));

    assertThatThrownBy(() -> attach().require(ImageStore.class).install(app()))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("not permitted in the DeviceComplete manufacturing state");
  }

  @Test
  void aDeviceThatDoesNotAnswerIsUnreachable() throws Exception {
    azsphere.on("image list-installed", Reply.stderr("azsphere/not-connected.txt").exit(1));

    assertThatThrownBy(() -> attach().require(ImageStore.class).installed())
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("azsphere: 'azsphere device image list-installed")
        .hasMessageContaining("exit code 1")
        .hasMessageContaining("Could not connect to the device");
  }

  @Test
  void listsInstalledApplicationsAndOsComponents() throws Exception {
    azsphere
        .on("list-installed --full", Reply.stdout("azsphere/image-list-installed-all.txt"))
        .on("image list-installed", Reply.stdout("azsphere/image-list-installed.txt"));
    Device device = attach();

    assertThat(device.require(ImageStore.class).installed())
        .containsExactly(
            new InstalledImage(
                "FactoryTest",
                "8548b129-b16f-4f84-8dbe-d2c847862e78",
                "dc6205bd-4478-4c9b-81ad-5e41ac23ed68",
                ImageType.APPLICATION),
            new InstalledImage(
                "ProductApp",
                "25025d2c-66da-4448-bae1-ac26fcdd3627",
                "a43206c8-f384-44a2-84ad-c86ce2937a3e",
                ImageType.APPLICATION));
    assertThat(device.require(Recovery.class).osComponentImageIds())
        .containsExactly(
            "7bd58a5c-2e73-4b07-b2d9-3c1d03b0a1e0", "1f49a1ef-7d4b-4d8e-9c0b-8e6b0e0f5d33");
  }

  @Test
  void anEmptyTableIsNoImages() throws Exception {
    azsphere.on("image list-installed", Reply.stdout("azsphere/image-list-installed-none.txt"));

    assertThat(attach().require(ImageStore.class).installed()).isEmpty();
  }

  @Test
  void readsAndAdvancesTheManufacturingStateAndConfirmsIt() throws Exception {
    azsphere
        .on(
            "manufacturing-state show",
            Reply.stdout("azsphere/manufacturing-state-blank.txt"),
            Reply.stdout("azsphere/manufacturing-state-module1complete.txt"))
        .on("manufacturing-state update", Reply.stdout("azsphere/manufacturing-state-update.txt"));
    ManufacturingStates states = attach().require(ManufacturingStates.class);

    states.advanceTo(ManufacturingState.MODULE1_COMPLETE);

    assertThat(azsphere.calls()).hasSize(4);
    assertThat(states.current()).isEqualTo(ManufacturingState.MODULE1_COMPLETE);
  }

  @Test
  void refusesAStepBackwardsWithoutAskingTheDevice() throws Exception {
    azsphere.on(
        "manufacturing-state show",
        Reply.stdout("azsphere/manufacturing-state-devicecomplete.txt"));
    ManufacturingStates states = attach().require(ManufacturingStates.class);

    assertThatThrownBy(() -> states.advanceTo(ManufacturingState.MODULE1_COMPLETE))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("is DeviceComplete; it cannot move to Module1Complete");
    assertThat(azsphere.calls())
        .noneMatch(call -> call.contains("update"))
        .as("no update was issued");
  }

  @Test
  void anUpdateTheDeviceDidNotTakeIsRefused() throws Exception {
    azsphere
        .on("manufacturing-state show", Reply.stdout("azsphere/manufacturing-state-blank.txt"))
        .on("manufacturing-state update", Reply.stdout("azsphere/manufacturing-state-update.txt"));

    assertThatThrownBy(
            () ->
                attach()
                    .require(ManufacturingStates.class)
                    .advanceTo(ManufacturingState.DEVICE_COMPLETE))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("reports Blank after the update to DeviceComplete");
  }

  @Test
  void anUnknownManufacturingStateIsUnexpectedOutput() throws Exception {
    azsphere.on(
        "manufacturing-state show", Reply.stdout("azsphere/manufacturing-state-unknown.txt"));

    assertThatThrownBy(() -> attach().require(ManufacturingStates.class).current())
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("azsphere device manufacturing-state show")
        .hasMessageContaining("expected Blank, Module1Complete or DeviceComplete")
        .hasMessageContaining("Module2Complete");
  }

  @Test
  void readsInstalledCapabilities() throws Exception {
    azsphere.on(
        "capability",
        Reply.stdout("azsphere/capability-show-attached.txt"),
        Reply.stdout("azsphere/capability-show-attached-none.txt"));
    ManufacturingStates states = attach().require(ManufacturingStates.class);

    assertThat(states.installedCapabilities()).containsExactly("EnableFieldServicing");
    assertThat(states.installedCapabilities()).isEmpty();
  }

  @Test
  void recoversFromAFolderOfRecoveryImages() throws Exception {
    azsphere.on("recover", Reply.stdout("azsphere/recover.txt"));

    attach().require(Recovery.class).recover(List.of(osImage()));

    List<String> recover = azsphere.calls().get(1);
    assertThat(recover.subList(0, 3)).containsExactly("device", "recover", "--images");
    assertThat(recover.subList(4, 6)).containsExactly("--device", "21143");
  }

  @Test
  void aRecoveryThatDoesNotFinishInItsLimitIsStopped() throws Exception {
    azsphere.on("recover", Reply.sleeping(120));
    AzsphereCli cli =
        new AzsphereCli(
            azsphere.runner(),
            new AzsphereSettings(
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(1)));

    Device device = AzsphereDevice.attach(cli, "slot-2", "21143");

    assertThatThrownBy(() -> device.require(Recovery.class).recover(List.of(osImage())))
        .isInstanceOf(ToolTimeoutException.class)
        .hasMessageContaining("did not finish within 1 s");
  }

  @Test
  void aSlotWhoseDeviceIsNotAttachedIsUnreachable() {
    assertThatThrownBy(() -> AzsphereDevice.attach(cli(), "slot-5", "21199"))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("slot slot-5: no Azure Sphere device attached at 21199")
        .hasMessageContaining("21143 / 192.168.35.2, 21144 / 192.168.36.2");
  }

  @Test
  void theClassicLayoutOfOlderReleasesIsRead() throws Exception {
    StandIn old = StandIn.create(temp.resolve("old"), "azsphere");
    old.on("list-attached", Reply.stdout("azsphere/list-attached-old-format.txt"));

    assertThat(
            new AzsphereCli(
                    old.runner(),
                    AzsphereSettings.DEFAULTS.withLayout(AzsphereSettings.Layout.CLASSIC))
                .listAttached())
        .containsExactly(new AttachedDevice(DEVICE_ID, "192.168.35.2", "21143"));
    // A release without --output is asked for no layout.
    assertThat(old.calls()).containsExactly(List.of("device", "list-attached"));
  }

  @Test
  void anOutputInNoKnownLayoutNamesWhatWasExpected() {
    StandIn odd = StandIn.create(temp.resolve("odd"), "azsphere");
    odd.on("list-attached", Reply.stdout("azsphere/list-attached-unknown.txt"));

    assertThatThrownBy(
            () -> new AzsphereCli(odd.runner(), AzsphereSettings.DEFAULTS).listAttached())
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("azsphere: unexpected output from 'azsphere device list-attached")
        .hasMessageContaining(
            "expected JSON, the table layout or the classic '-->' layout, with DeviceId,"
                + " IpAddress, ConnectionPath")
        .hasMessageContaining("Found one board");
  }

  @Test
  void refusesADeviceCommandWithoutADevice() {
    assertThatThrownBy(
            () -> cli().device(" ", Duration.ofSeconds(5), List.of("manufacturing-state", "show")))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining("refused: no --device target");
    assertThatThrownBy(
            () ->
                cli()
                    .device(
                        "21143",
                        Duration.ofSeconds(5),
                        List.of("manufacturing-state", "show", "--device", "21144")))
        .hasMessageContaining("refused: it names a device itself");
    assertThat(azsphere.calls()).isEmpty();
  }

  @Test
  void aMissingAzsphereSaysWhereToPointIt() {
    ToolRunner nowhere =
        new ToolRunner(io.shipready.device.tools.ToolLocator.fromEnvironment(Map.of("PATH", "")));

    assertThatThrownBy(
            () ->
                AzsphereDevice.attach(
                    new AzsphereCli(nowhere, AzsphereSettings.DEFAULTS), "s", "1"))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("SHIPREADY_TOOL_AZSPHERE");
  }

  private static Image app() {
    return new Image(
        "FactoryTest",
        "1.0",
        ImageType.APPLICATION,
        "8548b129-b16f-4f84-8dbe-d2c847862e78",
        "dc6205bd-4478-4c9b-81ad-5e41ac23ed68",
        "package bytes".getBytes(StandardCharsets.UTF_8),
        null);
  }

  private static Image osImage() {
    return new Image(
        "rootfs.bin", "23.05", ImageType.OS_COMPONENT, null, null, new byte[] {1, 2, 3}, null);
  }
}
