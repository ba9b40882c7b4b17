package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Wifi;
import io.shipready.device.sim.azuresphere.AzureSphereFamily;
import io.shipready.device.sim.particle.ParticleFamily;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private final SimulatedFleet fleet =
      new SimulatedFleet(SimulationSettings.builder().timeScale(0).build());
  private final SimulatedDevice particle = fleet.unit(1, "slot-1", ParticleFamily.NAME);

  private final Image user = TestImages.firmware("user", "1.0", 10_000);
  private final Image system = TestImages.firmware("system", "4.2.0", 10_000);

  @Test
  void aFlashFailureFailsTheWriteOfItsRegionOnly() throws Exception {
    particle.inject(new Fault.FlashFailure("user"));
    Programmer programmer = particle.require(Programmer.class);

    assertThatThrownBy(() -> programmer.write(user))
        .isInstanceOfSatisfying(FlashFailedException.class, e -> assertThat(e.unitFault()).isTrue())
        .hasMessageContaining("region user")
        .hasMessageContaining("slot-1");
    programmer.write(system);

    assertThat(programmer.readBackSha256("user")).isNotEqualTo(user.sha256());
    assertThat(programmer.readBackSha256("system")).isEqualTo(system.sha256());
  }

  @Test
  void aPersistentFaultFailsEveryRetry() throws Exception {
    particle.inject(new Fault.FlashFailure("user"));
    Programmer programmer = particle.require(Programmer.class);

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> programmer.write(user)).isInstanceOf(FlashFailedException.class);
    }
  }

  @Test
  void aTransientFaultActsOnlyOnItsAttempts() throws Exception {
    particle.inject(new Fault.FlashFailure("user").times(2));
    Programmer programmer = particle.require(Programmer.class);

    assertThatThrownBy(() -> programmer.write(user)).isInstanceOf(FlashFailedException.class);
    assertThat(particle.faults())
        .containsExactly(new Fault.Transient(new Fault.FlashFailure("user"), 1));
    assertThatThrownBy(() -> programmer.write(user)).isInstanceOf(FlashFailedException.class);
    programmer.write(user);

    assertThat(programmer.readBackSha256("user")).isEqualTo(user.sha256());
    assertThat(particle.faults()).isEmpty();
  }

  @Test
  void aReadBackMismatchLetsTheWriteSucceedButNotTheReadBack() throws Exception {
    particle.inject(new Fault.FlashFailure("user", true));
    Programmer programmer = particle.require(Programmer.class);

    programmer.write(user);

    assertThat(programmer.readBackSha256("user")).isNotEmpty().isNotEqualTo(user.sha256());
  }

  @Test
  void unpluggedMidFlashLeavesTheRegionNotMatching() throws Exception {
    particle.inject(new Fault.Unplugged("flash:user"));
    Programmer programmer = particle.require(Programmer.class);
    Duration before = particle.busyTime();

    assertThatThrownBy(() -> programmer.write(user))
        .isInstanceOfSatisfying(
            DeviceUnreachableException.class, e -> assertThat(e.unitFault()).isFalse())
        .hasMessageContaining("unplugged");

    String halfway = programmer.readBackSha256("user");
    assertThat(halfway).isNotEmpty().isNotEqualTo(user.sha256());
    assertThat(halfway).isEqualTo(Image.sha256Hex(java.util.Arrays.copyOf(user.content(), 5000)));
    // It stopped halfway through the transfer.
    Duration transfer = fleet.settings().transferTime(user.size());
    assertThat(particle.busyTime().minus(before)).isLessThan(transfer);
  }

  @Test
  void unpluggedOnAnOperationWithoutTransferFailsAtOnce() throws Exception {
    particle.inject(new Fault.Unplugged("identify"));

    assertThatThrownBy(() -> particle.require(Identity.class).identifiers())
        .isInstanceOf(DeviceUnreachableException.class);
  }

  @Test
  void faultsActOnTheNamedOperationOnly() throws Exception {
    particle.inject(new Fault.Unplugged("sensor:current_ma"));
    Sensors sensors = particle.require(Sensors.class);

    assertThatCode(() -> sensors.read("supply_voltage")).doesNotThrowAnyException();
    assertThatCode(() -> particle.require(Identity.class).identifiers()).doesNotThrowAnyException();
    assertThatThrownBy(() -> sensors.read("current_ma"))
        .isInstanceOf(DeviceUnreachableException.class);
  }

  @Test
  void aWildcardActsOnEveryOperationOfItsKind() throws Exception {
    particle.inject(new Fault.FlashFailure("*"));
    Programmer programmer = particle.require(Programmer.class);

    assertThatThrownBy(() -> programmer.write(user)).isInstanceOf(FlashFailedException.class);
    assertThatThrownBy(() -> programmer.write(system)).isInstanceOf(FlashFailedException.class);
  }

  @Test
  void outOfLimitsReplacesTheMeasuredValue() throws Exception {
    Sensors sensors = particle.require(Sensors.class);
    double normal = sensors.read("current_ma");

    particle.inject(new Fault.OutOfLimits("current_ma", 250.0));

    assertThat(sensors.read("current_ma")).isEqualTo(250.0);
    assertThat(sensors.read("supply_voltage")).isBetween(3.2, 3.4);
    particle.clearFaults();
    assertThat(sensors.read("current_ma")).isEqualTo(normal);
  }

  @Test
  void lowRssiActsOnItsBandOnly() throws Exception {
    particle.inject(new Fault.LowRssi(Radio.Band.CELLULAR, -110));
    Radio radio = particle.require(Radio.class);

    assertThat(radio.rssiDbm(Radio.Band.CELLULAR)).isEqualTo(-110.0);
    assertThat(radio.rssiDbm(Radio.Band.BLE)).isGreaterThan(-70.0);
  }

  @Test
  void lowWifiRssiAlsoShowsInTheWifiStatus() throws Exception {
    SimulatedDevice sphere = fleet.unit(1, "slot-1", AzureSphereFamily.NAME);
    sphere.inject(new Fault.LowRssi(Radio.Band.WIFI, -88));
    Wifi wifi = sphere.require(Wifi.class);
    wifi.addNetwork("factory-test", "");

    assertThat(wifi.status().rssiDbm()).isEqualTo(-88);
  }

  @Test
  void faultsThatCouldNeverActAreRefusedWhenInjected() throws Exception {
    assertThatThrownBy(() -> particle.inject(new Fault.FlashFailure("profile")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ncp");
    assertThatThrownBy(() -> particle.inject(new Fault.Unresponsive("flsh:user")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no operation 'flsh:user'");
    assertThatThrownBy(() -> particle.inject(new Fault.Unplugged("install:app")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("particle");
    assertThatThrownBy(() -> particle.inject(new Fault.Unresponsive("rssi:wifi")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cellular");
    assertThatThrownBy(() -> particle.inject(new Fault.OutOfLimits("humidity", 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> particle.inject(new Fault.LowRssi(Radio.Band.WIFI, -90)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.StaleKeystore().times(1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnresponsiveOperationWaitsUntilCancelled() throws Exception {
    particle.inject(new Fault.Unresponsive("flash:user"));

    Interrupting.Result result =
        Interrupting.interruptAfter(
            Duration.ofMillis(150), () -> particle.require(Programmer.class).write(user));

    assertThat(result.thrown()).isInstanceOf(InterruptedException.class);
    assertThat(result.ran()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void anUnresponsiveOperationThatCannotThrowInterruptedKeepsTheFlag() throws Exception {
    particle.inject(new Fault.Unresponsive("identify"));

    Interrupting.Result result =
        Interrupting.interruptAfter(
            Duration.ofMillis(100), () -> particle.require(Identity.class).identifiers());

    assertThat(result.thrown()).isInstanceOf(DeviceUnreachableException.class);
    assertThat(result.stillInterrupted()).isTrue();
  }

  @Test
  void anUnresponsiveConsoleGivesUpAfterItsTimeout() throws Exception {
    particle.inject(new Fault.Unresponsive("console"));

    assertThatThrownBy(
            () -> particle.require(Console.class).exchange("version", Duration.ofSeconds(3)))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("3000 ms");
  }

  @Test
  void ignoresCancellationHangsThroughAnInterruptButEndsAfterItsDuration() throws Exception {
    particle.inject(new Fault.IgnoresCancellation("sensor:*", Duration.ofMillis(400)));

    Interrupting.Result result =
        Interrupting.interruptAfter(
            Duration.ofMillis(50), () -> particle.require(Sensors.class).read("supply_voltage"));

    assertThat(result.ran()).isGreaterThanOrEqualTo(Duration.ofMillis(380));
    assertThat(result.ran()).isLessThan(Duration.ofSeconds(3));
    assertThat(result.thrown()).isInstanceOf(InterruptedException.class);
  }

  @Test
  void ignoresCancellationWithoutAnInterruptCarriesOn() throws Exception {
    particle.inject(new Fault.IgnoresCancellation("sensor:supply_voltage", Duration.ofMillis(50)));

    assertThat(particle.require(Sensors.class).read("supply_voltage")).isBetween(3.2, 3.4);
  }

  @Test
  void unpluggedMidInstallInstallsNothing() throws Exception {
    var key = TestImages.newKeyPair();
    SimulatedDevice sphere =
        new SimulatedFleet(
                SimulationSettings.builder().timeScale(0).trustKey("k", key.getPublic()).build())
            .unit(1, "slot-1", AzureSphereFamily.NAME);
    sphere.inject(new Fault.Unplugged("install:app-1").times(1));
    Image app = ImageSigning.signed(TestImages.application("app-1", "i1"), "k", key.getPrivate());
    ImageStore store = sphere.require(ImageStore.class);

    assertThatThrownBy(() -> store.install(app)).isInstanceOf(DeviceUnreachableException.class);
    assertThat(store.installed()).isEmpty();

    store.install(app);
    assertThat(store.installed()).hasSize(1);
  }

  @Test
  void faultsComposeInInjectionOrder() throws Exception {
    particle.inject(new Fault.OutOfLimits("current_ma", 1.0).times(1));
    particle.inject(new Fault.Unplugged("sensor:current_ma").times(1));
    Sensors sensors = particle.require(Sensors.class);

    assertThatThrownBy(() -> sensors.read("current_ma"))
        .isInstanceOf(DeviceUnreachableException.class);
    assertThatCode(() -> sensors.read("current_ma")).doesNotThrowAnyException();
  }
}
