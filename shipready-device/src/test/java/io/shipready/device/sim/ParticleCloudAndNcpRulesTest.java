package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.FlashFailedException;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Settings;
import io.shipready.device.sim.particle.ParticleFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A simulated Particle unit's way to the cloud (a delay of its own in simulated time, or never with
 * a fault) and its NCP update over USB in listening mode.
 */
class ParticleCloudAndNcpRulesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration BUDGET = Duration.ofMinutes(20);
  private static final Duration POLL = Duration.ofSeconds(30);

  private static SimulatedDevice unit(double timeScale) {
    return new SimulatedFleet(SimulationSettings.builder().timeScale(timeScale).seed(4).build())
        .unit(2, "slot-2", ParticleFamily.NAME);
  }

  private static void runFirmware(SimulatedDevice device) throws InterruptedException {
    Programmer programmer = device.require(Programmer.class);
    programmer.write(TestImages.firmware("system", "4.2.0", 2048));
    programmer.write(TestImages.firmware("user", "mfg-test 1.0.3", 2048));
    device.require(Settings.class).set("setup_done", "1");
    device.require(Power.class).reboot();
  }

  @Test
  void aRunningUnitConnectsAfterADelayOfItsOwnInSimulatedTime() throws Exception {
    SimulatedDevice device = unit(0.001);
    runFirmware(device);
    List<CloudConnection.Wait> looks = new ArrayList<>();

    long start = System.nanoTime();
    CloudConnection.Wait end =
        device.require(CloudConnection.class).awaitConnected(BUDGET, POLL, looks::add);
    Duration real = Duration.ofNanos(System.nanoTime() - start);

    assertThat(end.connected()).isTrue();
    assertThat(end.elapsed()).isBetween(Duration.ofSeconds(20), BUDGET);
    assertThat(looks).allMatch(look -> look.status().equals("connecting"));
    assertThat(looks).hasSize((int) (end.elapsed().toSeconds() / POLL.toSeconds()));
    assertThat(real).as("scaled by the time scale").isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aUnitThatNeverReachesTheCloudEndsTheWaitAtTheBudget() throws Exception {
    SimulatedDevice device = unit(0.0005);
    runFirmware(device);
    device.inject(new Fault.Unresponsive("cloud"));
    List<CloudConnection.Wait> looks = new ArrayList<>();

    CloudConnection.Wait end =
        device.require(CloudConnection.class).awaitConnected(BUDGET, POLL, looks::add);

    assertThat(end.connected()).isFalse();
    assertThat(end.status()).isEqualTo("connecting");
    assertThat(end.elapsed()).isEqualTo(BUDGET);
    assertThat(looks).hasSize(39);
  }

  @Test
  void aUnitInListeningModeStaysDisconnected() throws Exception {
    SimulatedDevice device = unit(0);

    CloudConnection.Wait end =
        device
            .require(CloudConnection.class)
            .awaitConnected(Duration.ofMinutes(2), POLL, look -> {});

    assertThat(end.connected()).isFalse();
    assertThat(end.status()).isEqualTo("disconnected");
  }

  @Test
  void theNcpIsUpdatedInListeningModeAndTheUnitComesBackIntoItsApplication() throws Exception {
    SimulatedDevice device = unit(0);
    Programmer programmer = device.require(Programmer.class);
    programmer.write(TestImages.firmware("system", "4.2.0", 2048));
    programmer.write(TestImages.firmware("user", "mfg-test 1.0.3", 2048));
    device.require(Settings.class).set("setup_done", "1");

    programmer.write(TestImages.firmware("ncp", "0.0.7", 2048));

    assertThat(programmer.version("ncp")).isEqualTo("0.0.7");
    assertThat(device.require(Console.class).exchange("selftest", TIMEOUT)).isEqualTo("PASS");
  }

  @Test
  void anNcpUpdateNeedsDeviceOsForListeningMode() {
    SimulatedDevice device = unit(0);

    assertThatThrownBy(
            () -> device.require(Programmer.class).write(TestImages.firmware("ncp", "0.0.7", 2048)))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("over USB in listening mode, which needs Device OS");
  }
}
