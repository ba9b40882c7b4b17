package io.shipready.app.bench;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.device.emulated.QemuFleet;
import io.shipready.device.emulated.SlotEndpoints;
import io.shipready.device.gdb.GdbRemoteProgrammer;
import io.shipready.device.gdb.GdbTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Programming throughput over the GDB remote protocol: emulated units are programmed with the same
 * image all at once, each through its own GDB server, then read back and compared. Reports each
 * unit's write rate and the aggregate over all units.
 */
public final class ProgramBenchmark {
  /** One round: how many units at once, and how fast. */
  public record Result(
      int units,
      int imageBytes,
      double wallSeconds,
      double meanUnitKibPerSecond,
      double slowestUnitKibPerSecond,
      double aggregateKibPerSecond,
      double verifyKibPerSecond,
      boolean allVerified) {}

  private final String qemu;
  private final Path workDir;
  private final int imageBytes;

  public ProgramBenchmark(String qemu, Path workDir, int imageBytes) {
    this.qemu = qemu;
    this.workDir = workDir;
    this.imageBytes = imageBytes;
  }

  public Result run(int units, int rounds) throws Exception {
    byte[] content = new byte[imageBytes];
    new Random(units).nextBytes(content);
    // A vector table whose reset handler is a branch to itself: the units run something harmless
    // when the debugger detaches, instead of random bytes that would lock the core up.
    byte[] idle = {0x00, 0x40, 0x00, 0x20, 0x09, 0x00, 0x00, 0x00, (byte) 0xFE, (byte) 0xE7};
    System.arraycopy(idle, 0, content, 0, idle.length);
    Image image = new Image("app", "bench", ImageType.FIRMWARE, null, null, content, null);
    Result best = null;
    try (QemuFleet fleet = QemuFleet.start(units, qemu, workDir)) {
      List<SlotEndpoints> slots = fleet.slotMap().slots();
      ExecutorService pool = Executors.newFixedThreadPool(units);
      try {
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
          Result result = round(slots, image, pool);
          if (round > 0 && (best == null || result.wallSeconds() < best.wallSeconds())) {
            best = result;
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return best;
  }

  private Result round(List<SlotEndpoints> slots, Image image, ExecutorService pool)
      throws Exception {
    List<Future<double[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (SlotEndpoints slot : slots) {
      futures.add(
          pool.submit(
              () -> {
                try (GdbTarget target = new GdbTarget(slot.target())) {
                  GdbRemoteProgrammer programmer = new GdbRemoteProgrammer(target);
                  long t0 = System.nanoTime();
                  programmer.write(image);
                  long t1 = System.nanoTime();
                  boolean ok = programmer.readBackSha256("app").equals(image.sha256());
                  long t2 = System.nanoTime();
                  target.boot(); // reset and run, as a line does after programming; not timed
                  return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, ok ? 1 : 0};
                }
              }));
    }
    double slowest = 0;
    double sumRates = 0;
    double verifySeconds = 0;
    boolean allOk = true;
    for (Future<double[]> future : futures) {
      double[] times = future.get();
      slowest = Math.max(slowest, times[0]);
      sumRates += kib(image) / times[0];
      verifySeconds = Math.max(verifySeconds, times[1]);
      allOk &= times[2] == 1;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    int n = slots.size();
    return new Result(
        n,
        image.content().length,
        wall,
        sumRates / n,
        kib(image) / slowest,
        n * kib(image) / slowest,
        n * kib(image) / verifySeconds,
        allOk);
  }

  private static double kib(Image image) {
    return image.content().length / 1024.0;
  }
}
