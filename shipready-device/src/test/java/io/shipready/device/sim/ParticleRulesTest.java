package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.Image;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Settings;
import io.shipready.device.sim.particle.ParticleFamily;
import io.shipready.device.sim.particle.ParticleUnit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParticleRulesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final SimulatedDevice device =
      new SimulatedFleet(SimulationSettings.builder().timeScale(0).seed(4).build())
          .unit(2, "slot-2", ParticleFamily.NAME);

  private void flash(String region, String version) throws InterruptedException {
    device.require(Programmer.class).write(TestImages.firmware(region, version, 2048));
  }

  private void finishSetup() throws InterruptedException {
    device.require(Settings.class).set("setup_done", "1");
    device.require(Power.class).reboot();
  }

  @Test
  void aFreshUnitBootsIntoListeningMode() throws Exception {
    assertThat(device.require(Console.class).exchange("version", TIMEOUT)).isEqualTo("LISTENING");
  }

  @Test
  void setupDoneCountsOnlyAfterAReboot() throws Exception {
    Console console = device.require(Console.class);
    device.require(Settings.class).set("setup_done", "1");

    assertThat(console.exchange("mode", TIMEOUT)).isEqualTo("LISTENING");

    device.require(Power.class).reboot();

    assertThat(console.exchange("mode", TIMEOUT)).isEqualTo("NORMAL");
    assertThat(device.require(Settings.class).get("setup_done")).contains("1");
  }

  @Test
  void regionsHoldWhatWasWrittenAndReportVersions() throws Exception {
    Programmer programmer = device.require(Programmer.class);
    Image system = TestImages.firmware("system", "4.2.0", 4096);

    programmer.write(system);

    assertThat(programmer.readBackSha256("system")).isEqualTo(system.sha256());
    assertThat(programmer.version("system")).isEqualTo("4.2.0");
    assertThat(programmer.readBackSha256("user")).isEmpty();
    assertThat(device.require(Identity.class).versions())
        .containsEntry("system", "4.2.0")
        .containsEntry("ncp", ParticleUnit.NCP_FACTORY_VERSION)
        .doesNotContainKey("user");
  }

  @Test
  void aRegionTheFamilyLacksIsRefusedListingTheRegions() throws Exception {
    assertThatThrownBy(() -> flash("profile", "1"))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("'profile'")
        .hasMessageContaining("[bootloader, softdevice, system, user, ncp]")
        .hasMessageContaining("slot-2");
  }

  @Test
  void selftestNeedsTheManufacturingTestFirmware() throws Exception {
    finishSetup();
    Console console = device.require(Console.class);

    assertThat(console.exchange("selftest", TIMEOUT)).startsWith("FAIL no user firmware");

    flash("user", "mfg-test-1");

    assertThat(console.exchange("selftest", TIMEOUT)).isEqualTo("PASS");
  }

  @Test
  void deviceOs3NeedsANewerNcp() throws Exception {
    finishSetup();
    flash("user", "mfg-test-1");
    flash("system", "4.2.0");
    Console console = device.require(Console.class);

    assertThat(console.exchange("selftest", TIMEOUT)).startsWith("FAIL NCP firmware 0.0.5");

    flash("ncp", "0.0.7");

    assertThat(console.exchange("selftest", TIMEOUT)).isEqualTo("PASS");
    assertThat(console.exchange("version", TIMEOUT)).isEqualTo("4.2.0");
  }

  @Test
  void identifyPrintsTheIds() throws Exception {
    finishSetup();

    assertThat(device.require(Console.class).exchange("identify", TIMEOUT))
        .contains("device_id=")
        .contains("imei=")
        .contains("iccid=89");
  }

  @Test
  void sensorsReadTheNominalQuantitiesAndRefuseUnknownOnes() throws Exception {
    Sensors sensors = device.require(Sensors.class);

    assertThat(sensors.read("supply_voltage")).isBetween(3.24, 3.36);
    assertThat(sensors.read("current_ma")).isBetween(36.0, 54.0);
    assertThat(sensors.read("battery_voltage")).isBetween(3.81, 3.99);
    assertThatThrownBy(() -> sensors.read("humidity"))
        .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.unitFault()).isFalse())
        .hasMessageContaining("battery_voltage");
  }

  @Test
  void theRadioHasCellularAndBleButNoWifi() throws Exception {
    Radio radio = device.require(Radio.class);

    assertThat(radio.rssiDbm(Radio.Band.CELLULAR)).isLessThan(0);
    assertThatThrownBy(() -> radio.rssiDbm(Radio.Band.WIFI))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("WIFI");
  }
}
