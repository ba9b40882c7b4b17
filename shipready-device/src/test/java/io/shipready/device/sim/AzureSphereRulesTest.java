package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageRejectedException;
import io.shipready.core.device.ImageRejectedException.Reason;
import io.shipready.core.device.ImageType;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Wifi;
import io.shipready.device.sim.azuresphere.AzureSphereFamily;
import io.shipready.device.sim.azuresphere.AzureSphereOs;
import io.shipready.device.sim.azuresphere.AzureSphereUnit;
import io.shipready.device.sim.particle.ParticleFamily;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureSphereRulesTest {
  private final KeyPair oldKey = TestImages.newKeyPair();
  private final KeyPair newKey = TestImages.newKeyPair();
  private SimulatedDevice device;

  @BeforeEach
  void freshUnit() throws Exception {
    SimulationSettings settings =
        SimulationSettings.builder()
            .timeScale(0)
            .trustKey("key-2023", oldKey.getPublic())
            .trustKey("key-2024", newKey.getPublic())
            .build();
    device = new SimulatedFleet(settings).unit(1, "slot-6", AzureSphereFamily.NAME);
  }

  private Image signedApp(String componentId) {
    return ImageSigning.signed(
        TestImages.application(componentId, componentId + "-img"), "key-2024", newKey.getPrivate());
  }

  private void advanceTo(ManufacturingState state) throws InterruptedException {
    device.require(ManufacturingStates.class).advanceTo(state);
  }

  // --- manufacturing states

  @Test
  void aFreshUnitIsBlankWithoutCapabilities() throws Exception {
    ManufacturingStates states = device.require(ManufacturingStates.class);

    assertThat(states.current()).isEqualTo(ManufacturingState.BLANK);
    assertThat(states.installedCapabilities()).isEmpty();
  }

  @Test
  void statesMoveForwardOneWay() throws Exception {
    advanceTo(ManufacturingState.MODULE1_COMPLETE);
    advanceTo(ManufacturingState.DEVICE_COMPLETE);

    assertThat(device.require(ManufacturingStates.class).current())
        .isEqualTo(ManufacturingState.DEVICE_COMPLETE);
  }

  @Test
  void module1CompleteCannotGoBackToBlank() throws Exception {
    advanceTo(ManufacturingState.MODULE1_COMPLETE);

    assertThatThrownBy(() -> advanceTo(ManufacturingState.BLANK))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("slot-6")
        .hasMessageContaining("Module1Complete")
        .hasMessageContaining("only moves forward");
  }

  @Test
  void stayingInTheSameStateIsRefused() throws Exception {
    advanceTo(ManufacturingState.MODULE1_COMPLETE);

    assertThatThrownBy(() -> advanceTo(ManufacturingState.MODULE1_COMPLETE))
        .isInstanceOf(OperationRefusedException.class);
  }

  @Test
  void deviceCompleteIsPermanent() throws Exception {
    advanceTo(ManufacturingState.DEVICE_COMPLETE);

    for (ManufacturingState state : ManufacturingState.values()) {
      assertThatThrownBy(() -> advanceTo(state))
          .isInstanceOf(OperationRefusedException.class)
          .hasMessageContaining("permanent");
    }
  }

  // --- e-fuses

  @Test
  void eFusesCanBeWrittenWhileBlankAndReadBack() throws Exception {
    Fuses fuses = device.require(Fuses.class);

    fuses.write(AzureSphereOs.REGION_CODE_OFFSET, new byte[] {'D', 'E'});

    assertThat(fuses.read(0x36, 2)).containsExactly('D', 'E');
    assertThat(fuses.read(0, AzureSphereOs.FUSE_BYTES)).hasSize(1024);
  }

  @Test
  void anEFuseWriteAfterModule1CompleteIsRefusedNamingTheState() throws Exception {
    advanceTo(ManufacturingState.MODULE1_COMPLETE);
    Fuses fuses = device.require(Fuses.class);

    assertThatThrownBy(() -> fuses.write(0x36, new byte[] {'D', 'E'}))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("Module1Complete")
        .hasMessageContaining("slot-6");
    assertThat(fuses.read(0x36, 2)).containsExactly(0, 0);
  }

  @Test
  void aWriteThatWouldClearABitIsRefusedAndBurnsNothing() throws Exception {
    Fuses fuses = device.require(Fuses.class);
    fuses.write(0x36, new byte[] {'D'}); // 0x44

    assertThatThrownBy(() -> fuses.write(0x35, new byte[] {0x01, 'A'})) // 0x41 clears 0x04
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("0x36")
        .hasMessageContaining("clear");
    assertThat(fuses.read(0x35, 2)).containsExactly(0, 'D');
  }

  @Test
  void aWriteMaySetMoreBitsOrRepeatTheSameValue() throws Exception {
    Fuses fuses = device.require(Fuses.class);
    fuses.write(0x10, new byte[] {0x01});

    fuses.write(0x10, new byte[] {0x03});
    fuses.write(0x10, new byte[] {0x03});

    assertThat(fuses.read(0x10, 1)).containsExactly(0x03);
  }

  @Test
  void eFusesOutsideTheBankAreRefused() throws Exception {
    Fuses fuses = device.require(Fuses.class);

    assertThatThrownBy(() -> fuses.read(0x3FF, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fuses.write(Integer.MAX_VALUE, new byte[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eFusesCanStillBeReadWhenDeviceComplete() throws Exception {
    device.require(Fuses.class).write(0x36, new byte[] {'D', 'E'});
    advanceTo(ManufacturingState.DEVICE_COMPLETE);

    assertThat(device.require(Fuses.class).read(0x36, 2)).containsExactly('D', 'E');
  }

  // --- image store and keystore

  @Test
  void aSignedApplicationIsInstalledAndListed() throws Exception {
    ImageStore store = device.require(ImageStore.class);

    store.install(signedApp("test-app"));

    assertThat(store.installed())
        .containsExactly(
            new ImageStore.InstalledImage(
                "app", "test-app", "test-app-img", ImageType.APPLICATION));
  }

  @Test
  void anUnsignedImageIsRefused() throws Exception {
    ImageStore store = device.require(ImageStore.class);

    assertThatThrownBy(() -> store.install(TestImages.application("a", "a1")))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSIGNED));
    assertThat(store.installed()).isEmpty();
  }

  @Test
  void anImageSignedByAnUnknownKeyIsNotTrusted() throws Exception {
    KeyPair stranger = TestImages.newKeyPair();
    Image image =
        ImageSigning.signed(TestImages.application("a", "a1"), "key-x", stranger.getPrivate());

    assertThatThrownBy(() -> device.require(ImageStore.class).install(image))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_TRUSTED);
              assertThat(e.getMessage()).startsWith("Image not trusted by device");
              assertThat(e.unitFault()).isTrue();
            });
  }

  @Test
  void aTamperedImageHasABadSignature() throws Exception {
    Image signed = signedApp("a");
    byte[] tampered = signed.content().clone();
    tampered[0] ^= 1;
    Image image =
        new Image(
            signed.name(),
            signed.version(),
            signed.type(),
            signed.componentId(),
            signed.imageId(),
            tampered,
            signed.signature());

    assertThatThrownBy(() -> device.require(ImageStore.class).install(image))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void aStaleKeystoreSaysNotTrustedUntilAKeystoreImageIsInstalled() throws Exception {
    device.inject(new Fault.StaleKeystore());
    ImageStore store = device.require(ImageStore.class);

    assertThatThrownBy(() -> store.install(signedApp("a")))
        .hasMessageStartingWith("Image not trusted by device");

    Image keystore =
        new Image(
            "keystore",
            "2024",
            ImageType.KEYSTORE,
            null,
            null,
            KeystoreImages.content(Map.of("key-2024", newKey.getPublic())),
            null);
    store.install(ImageSigning.signed(keystore, "key-2023", oldKey.getPrivate()));
    store.install(signedApp("a"));

    assertThat(store.installed()).extracting(ImageStore.InstalledImage::componentId).contains("a");
  }

  @Test
  void aKeystoreImageMustBeSignedByAnAlreadyTrustedKey() throws Exception {
    device.inject(new Fault.StaleKeystore(java.util.Set.of("key-2024")));
    Image keystore =
        new Image(
            "keystore",
            "2024",
            ImageType.KEYSTORE,
            null,
            null,
            KeystoreImages.content(Map.of("key-2024", newKey.getPublic())),
            null);

    assertThatThrownBy(
            () ->
                device
                    .require(ImageStore.class)
                    .install(ImageSigning.signed(keystore, "key-2024", newKey.getPrivate())))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_TRUSTED));
  }

  @Test
  void sideloadingInDeviceCompleteIsRefused() throws Exception {
    advanceTo(ManufacturingState.DEVICE_COMPLETE);

    assertThatThrownBy(() -> device.require(ImageStore.class).install(signedApp("a")))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("DeviceComplete")
        .hasMessageContaining("slot-6");
  }

  @Test
  void deletingInDeviceCompleteIsRefused() throws Exception {
    ImageStore store = device.require(ImageStore.class);
    store.install(signedApp("a"));
    advanceTo(ManufacturingState.DEVICE_COMPLETE);

    assertThatThrownBy(() -> store.delete("a")).isInstanceOf(OperationRefusedException.class);
  }

  @Test
  void fieldServicingAllowsSideloadingButNotDeletingInDeviceComplete() throws Exception {
    device.inject(new Fault.CapabilityInstalled(AzureSphereOs.FIELD_SERVICING));
    advanceTo(ManufacturingState.DEVICE_COMPLETE);
    ImageStore store = device.require(ImageStore.class);

    store.install(signedApp("a"));

    assertThatThrownBy(() -> store.delete("a")).isInstanceOf(OperationRefusedException.class);
    assertThat(device.require(ManufacturingStates.class).installedCapabilities())
        .containsExactly(AzureSphereOs.FIELD_SERVICING);
  }

  @Test
  void aTestImageCanBeDeletedBeforeDeviceComplete() throws Exception {
    ImageStore store = device.require(ImageStore.class);
    store.install(signedApp("test"));
    store.install(signedApp("production"));

    store.delete("test");
    store.delete("never-installed");

    assertThat(store.installed())
        .extracting(ImageStore.InstalledImage::componentId)
        .containsExactly("production");
  }

  @Test
  void installingAgainReplacesTheComponentsImage() throws Exception {
    ImageStore store = device.require(ImageStore.class);
    store.install(signedApp("a"));
    Image newer =
        ImageSigning.signed(TestImages.application("a", "a-v2"), "key-2024", newKey.getPrivate());

    store.install(newer);

    assertThat(store.installed())
        .extracting(ImageStore.InstalledImage::imageId)
        .containsExactly("a-v2");
  }

  @Test
  void osComponentsAreRefusedBySideloading() throws Exception {
    Image os =
        ImageSigning.signed(TestImages.osComponent("os-1", 10), "key-2024", newKey.getPrivate());

    assertThatThrownBy(() -> device.require(ImageStore.class).install(os))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("recovery");
  }

  @Test
  void aDeviceCompleteUnitNoLongerListsImagesOsOrNetworks() throws Exception {
    advanceTo(ManufacturingState.DEVICE_COMPLETE);

    assertThatThrownBy(() -> device.require(ImageStore.class).installed())
        .isInstanceOf(OperationRefusedException.class);
    assertThatThrownBy(() -> device.require(Recovery.class).osComponentImageIds())
        .isInstanceOf(OperationRefusedException.class);
    assertThatThrownBy(() -> device.require(Wifi.class).networks())
        .isInstanceOf(OperationRefusedException.class);
  }

  // --- recovery

  @Test
  void aFreshUnitCarriesTheRfTestServer() throws Exception {
    assertThat(device.require(Recovery.class).osComponentImageIds())
        .isEqualTo(AzureSphereOs.FRESH_OS_IMAGE_IDS)
        .contains(AzureSphereOs.RF_TEST_SERVER_IMAGE_ID);
  }

  @Test
  void recoveryReplacesTheOsComponentsAndWipesTheUnit() throws Exception {
    device.require(ImageStore.class).install(signedApp("a"));
    device.require(Wifi.class).addNetwork("factory-test", "password123");
    device.inject(new Fault.StaleKeystore());

    device
        .require(Recovery.class)
        .recover(List.of(TestImages.osComponent("os-a", 100), TestImages.osComponent("os-b", 50)));

    assertThat(device.require(Recovery.class).osComponentImageIds())
        .containsExactly("os-a", "os-b");
    assertThat(device.require(ImageStore.class).installed()).isEmpty();
    assertThat(device.require(Wifi.class).networks()).isEmpty();
    // The new OS brings a current keystore.
    assertThatCode(() -> device.require(ImageStore.class).install(signedApp("a")))
        .doesNotThrowAnyException();
  }

  @Test
  void recoveryTakesTimeBySize() throws Exception {
    Duration before = device.busyTime();

    device.require(Recovery.class).recover(List.of(TestImages.osComponent("os-a", 3_000_000)));

    assertThat(device.busyTime().minus(before))
        .isEqualTo(
            Duration.ofSeconds(3)
                .plus(AzureSphereUnit.BOOT_TIME)
                .plus(SimulationSettings.DEFAULT_COMMAND_LATENCY));
  }

  @Test
  void recoveryTakesOnlyOsComponents() throws Exception {
    assertThatThrownBy(() -> device.require(Recovery.class).recover(List.of(signedApp("a"))))
        .isInstanceOf(OperationRefusedException.class);
  }

  // --- connection, reboot, ethernet

  @Test
  void theIpAddressChangesOnRebootButTheConnectionPathDoesNot() throws Exception {
    ConnectionInfo connection = device.require(ConnectionInfo.class);
    String ip = connection.ipAddress();
    String path = connection.connectionPath();

    device.require(Power.class).reboot();

    assertThat(ip).startsWith("192.168.35.");
    assertThat(path).isEqualTo("1-2.2");
    assertThat(connection.ipAddress()).startsWith("192.168.35.").isNotEqualTo(ip);
    assertThat(connection.connectionPath()).isEqualTo(path);
  }

  @Test
  void unitsInDifferentSlotsHaveDifferentAddresses() throws Exception {
    SimulatedFleet fleet = new SimulatedFleet(SimulationSettings.builder().timeScale(0).build());
    java.util.Set<String> ips = new java.util.HashSet<>();
    java.util.Set<String> paths = new java.util.HashSet<>();
    for (int slot = 1; slot <= 16; slot++) {
      ConnectionInfo c =
          fleet.unit(slot, "slot-" + slot, AzureSphereFamily.NAME).require(ConnectionInfo.class);
      ips.add(c.ipAddress());
      paths.add(c.connectionPath());
    }
    assertThat(ips).hasSize(16);
    assertThat(paths).hasSize(16);
  }

  @Test
  void ethernetNeedsABoardConfigurationAndAReboot() throws Exception {
    Ethernet ethernet = device.require(Ethernet.class);
    assertThat(ethernet.linkUp()).isFalse();

    device.require(Power.class).reboot();
    assertThat(ethernet.linkUp()).as("reboot without board configuration").isFalse();

    device
        .require(ImageStore.class)
        .install(ImageSigning.signed(TestImages.boardConfig(), "key-2024", newKey.getPrivate()));
    assertThat(ethernet.linkUp()).as("board configuration without reboot").isFalse();

    device.require(Power.class).reboot();
    assertThat(ethernet.linkUp()).isTrue();
  }

  // --- Wi-Fi

  @Test
  void wifiTestNetworkIsAddedJoinedAndRemoved() throws Exception {
    Wifi wifi = device.require(Wifi.class);
    assertThat(wifi.status().connected()).isFalse();

    wifi.addNetwork("factory-test", "password123");
    Wifi.Status status = wifi.status();

    assertThat(status.ssid()).isEqualTo("factory-test");
    assertThat(status.connected()).isTrue();
    assertThat(status.rssiDbm()).isBetween(-58, -42);
    assertThat(wifi.networks()).containsExactly("factory-test");

    wifi.removeAllNetworks();
    assertThat(wifi.networks()).isEmpty();
  }

  @Test
  void wifiChangesAreRefusedInDeviceComplete() throws Exception {
    advanceTo(ManufacturingState.DEVICE_COMPLETE);
    Wifi wifi = device.require(Wifi.class);

    assertThatThrownBy(() -> wifi.addNetwork("factory-test", "password123"))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("DeviceComplete");
    assertThatThrownBy(wifi::removeAllNetworks).isInstanceOf(OperationRefusedException.class);
  }

  @Test
  void aWpaKeyMustHaveAValidLength() throws Exception {
    assertThatThrownBy(() -> device.require(Wifi.class).addNetwork("net", "short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 to 63");
  }

  // --- console

  @Test
  void theConsoleAnswersOnceAnApplicationRuns() throws Exception {
    Console console = device.require(Console.class);

    assertThatThrownBy(() -> console.exchange("ping", Duration.ofSeconds(5)))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("no application");

    device.require(ImageStore.class).install(signedApp("functional-test"));

    assertThat(console.exchange("ping", Duration.ofSeconds(5))).isEqualTo("pong");
    assertThat(console.exchange("selftest", Duration.ofSeconds(5))).isEqualTo("PASS");
    assertThat(console.exchange("nonsense", Duration.ofSeconds(5))).startsWith("ERROR");
  }

  @Test
  void faultsThatNeedAKeystoreDoNotFitOtherFamilies() throws Exception {
    SimulatedDevice particle =
        new SimulatedFleet(SimulationSettings.builder().timeScale(0).build())
            .unit(1, "s", ParticleFamily.NAME);

    assertThatThrownBy(() -> particle.inject(new Fault.StaleKeystore()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
