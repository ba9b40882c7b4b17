package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import io.shipready.device.sim.aferoasr.AferoAsrFamily;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AferoAsrRulesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static SimulatedDevice unit(boolean wifiModule) {
    return new SimulatedFleet(
            SimulationSettings.builder().timeScale(0).aferoWifiModule(wifiModule).build())
        .unit(1, "slot-1", AferoAsrFamily.NAME);
  }

  private static void flash(SimulatedDevice device, String region, String version)
      throws InterruptedException {
    device.require(Programmer.class).write(TestImages.firmware(region, version, 1024));
  }

  @Test
  void versionsFollowTheFlashedRegions() throws Exception {
    SimulatedDevice device = unit(true);
    flash(device, "bootloader", "2.1.0");
    flash(device, "profile", "v23371");
    flash(device, "app", "3.4.1");
    flash(device, "wifi", "19.6.1");

    assertThat(device.require(Identity.class).versions())
        .containsEntry("bootloader", "2.1.0")
        .containsEntry("profile", "v23371")
        .containsEntry("app", "3.4.1")
        .containsEntry("wifi", "19.6.1");
  }

  @Test
  void aBleOnlyModuleHasNoWifiRegionOrWifiMac() throws Exception {
    SimulatedDevice device = unit(false);

    assertThatThrownBy(() -> flash(device, "wifi", "1"))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("[bootloader, profile, app]");
    assertThat(device.require(Identity.class).identifiers())
        .extracting(Identifier::kind)
        .doesNotContain(Identifier.WIFI_MAC);
  }

  @Test
  void aBlankModuleNeitherAdvertisesNorAnswers() throws Exception {
    SimulatedDevice device = unit(true);

    assertThatThrownBy(() -> device.require(Radio.class).rssiDbm(Radio.Band.BLE))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("app region");
    assertThatThrownBy(() -> device.require(Console.class).exchange("ping", TIMEOUT))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("app region is empty");
  }

  @Test
  void bleAdvertisesOnceTheAppIsFlashed() throws Exception {
    SimulatedDevice device = unit(true);
    flash(device, "app", "3.4.1");

    assertThat(device.require(Radio.class).rssiDbm(Radio.Band.BLE)).isBetween(-63.0, -47.0);
    assertThat(device.require(Console.class).exchange("version", TIMEOUT)).isEqualTo("3.4.1");
  }

  @Test
  void wifiRssiNeedsFactoryTestModeWhichARebootEnds() throws Exception {
    SimulatedDevice device = unit(true);
    flash(device, "app", "3.4.1");
    flash(device, "wifi", "19.6.1");
    Radio radio = device.require(Radio.class);

    assertThatThrownBy(() -> radio.rssiDbm(Radio.Band.WIFI))
        .hasMessageContaining("factory test mode");

    assertThat(device.require(Console.class).exchange("ftm", TIMEOUT)).isEqualTo("FTM ON");
    assertThat(radio.rssiDbm(Radio.Band.WIFI)).isBetween(-58.0, -42.0);

    device.require(Power.class).reboot();
    assertThatThrownBy(() -> radio.rssiDbm(Radio.Band.WIFI))
        .hasMessageContaining("factory test mode");
  }

  @Test
  void theConsoleReportsIdsMatchingTheIdentity() throws Exception {
    SimulatedDevice device = unit(true);
    flash(device, "app", "3.4.1");
    String deviceId =
        device.require(Identity.class).identifiers().stream()
            .filter(id -> id.kind().equals(Identifier.DEVICE_ID))
            .findFirst()
            .orElseThrow()
            .value();

    assertThat(device.require(Console.class).exchange("ids", TIMEOUT))
        .contains("device_id=" + deviceId);
  }

  @Test
  void anAppDamagedInFlashDoesNotRun() throws Exception {
    SimulatedDevice device = unit(true);
    device.inject(new Fault.FlashFailure("app", true));
    flash(device, "app", "3.4.1");

    assertThatThrownBy(() -> device.require(Console.class).exchange("ping", TIMEOUT))
        .isInstanceOf(DeviceUnreachableException.class);
    assertThatThrownBy(() -> device.require(Radio.class).rssiDbm(Radio.Band.BLE))
        .isInstanceOf(DeviceException.class);
  }
}
