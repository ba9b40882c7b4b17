package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.spi.Programmer;
import io.shipready.device.sim.particle.ParticleFamily;
import io.shipready.device.sim.particle.ParticleUnit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimingTest {

  @Test
  void flashTimeIsSizeOverLinkSpeedPlusTheCommandLatency() throws Exception {
    SimulationSettings settings =
        SimulationSettings.builder()
            .timeScale(0)
            .linkBytesPerSecond(200_000)
            .commandLatency(Duration.ofMillis(3))
            .build();
    SimulatedDevice device = new SimulatedFleet(settings).unit(1, "slot-1", ParticleFamily.NAME);
    Programmer programmer = device.require(Programmer.class);

    programmer.write(TestImages.firmware("system", "4.2.0", 1_000_000));
    Duration one = device.busyTime();
    programmer.write(TestImages.firmware("user", "1", 2_000_000));
    Duration two = device.busyTime().minus(one);

    assertThat(one).isEqualTo(Duration.ofMillis(5003));
    assertThat(two).isEqualTo(Duration.ofMillis(10003));
  }

  @Test
  void aScaledFlashTakesItsScaledTimeInRealTime() throws Exception {
    // 500 kB at 1 MB/s is 0.5 s simulated; at time scale 0.2 that is 100 ms of real time.
    SimulationSettings settings = SimulationSettings.builder().timeScale(0.2).build();
    SimulatedDevice device = new SimulatedFleet(settings).unit(1, "slot-1", ParticleFamily.NAME);

    long start = System.nanoTime();
    device.require(Programmer.class).write(TestImages.firmware("user", "1", 500_000));
    Duration real = Duration.ofNanos(System.nanoTime() - start);

    assertThat(real).isBetween(Duration.ofMillis(90), Duration.ofMillis(1000));
  }

  @Test
  void anInterruptCancelsAFlashAndLeavesTheRegionIncomplete() throws Exception {
    // 10 kB at 1 kB/s in real time: 10 s if nobody cancels it.
    SimulationSettings settings =
        SimulationSettings.builder().timeScale(1).linkBytesPerSecond(1000).build();
    SimulatedDevice device = new SimulatedFleet(settings).unit(1, "slot-1", ParticleFamily.NAME);
    var image = TestImages.firmware("user", "1", 10_000);

    Interrupting.Result result =
        Interrupting.interruptAfter(
            Duration.ofMillis(200), () -> device.require(Programmer.class).write(image));

    assertThat(result.thrown()).isInstanceOf(InterruptedException.class);
    assertThat(result.ran()).isLessThan(Duration.ofSeconds(2));
    Programmer programmer = device.require(Programmer.class);
    assertThat(programmer.readBackSha256("user")).isNotEqualTo(image.sha256());
    assertThat(programmer.version("user")).isEmpty();
  }

  @Test
  void parallelOperationsOnOneUnitAreSafe() throws Exception {
    SimulationSettings settings = SimulationSettings.builder().timeScale(0).build();
    SimulatedDevice device = new SimulatedFleet(settings).unit(1, "slot-1", ParticleFamily.NAME);
    Programmer programmer = device.require(Programmer.class);
    // The regions on the SWD bus; the NCP is updated in Device OS's listening mode, so never while
    // Device OS itself is being rewritten (ParticleCloudAndNcpRulesTest).
    var regions = ParticleUnit.REGIONS.stream().filter(r -> !r.equals("ncp")).toList();
    var problems = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    Thread[] threads = new Thread[regions.size()];
    for (int i = 0; i < threads.length; i++) {
      String region = regions.get(i);
      threads[i] =
          new Thread(
              () -> {
                try {
                  for (int n = 0; n < 20; n++) {
                    programmer.write(TestImages.firmware(region, "v" + n, 4096));
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException refused) {
                  problems.add(region + ": " + refused.getMessage());
                }
              });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(problems).isEmpty();
    for (String region : regions) {
      assertThat(programmer.version(region)).as(region).isEqualTo("v19");
    }
  }
}
