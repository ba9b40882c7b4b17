package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.Programmer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A unit's flash, region by region, as a probe on SWD sees it. A region is erased when a write
 * starts, so a write that stops early (cancelled, unplugged) leaves it holding part of the image,
 * which no read-back will mistake for the whole.
 */
public final class FlashRegions implements Programmer {
  /** The version of firmware a unit arrives with when it comes from an earlier station. */
  static final String AS_DELIVERED = "as-delivered";

  private final SimUnit unit;
  private final List<String> regions;
  private final Map<String, Contents> contents = new HashMap<>(); // guarded by this

  /**
   * @param intact whether the region holds the whole image as sent, so firmware in it can run
   */
  private record Contents(String sha256, String version, boolean intact) {}

  public FlashRegions(SimUnit unit, List<String> regions) {
    this.unit = unit;
    this.regions = List.copyOf(regions);
    if (unit.settings.arriveProgrammed()) {
      for (String region : regions) {
        store(
            region,
            ("as-delivered:" + region).getBytes(StandardCharsets.UTF_8),
            AS_DELIVERED,
            true);
      }
    }
  }

  public List<String> regions() {
    return regions;
  }

  @Override
  public void write(Image image) throws InterruptedException {
    requireNonNull(image, "image");
    String region = image.name();
    requireRegion(region);
    Firing firing = unit.beginTransfer("flash:" + region);
    synchronized (this) {
      contents.remove(region);
    }
    long[] sent = {0};
    try {
      unit.transfer(image.size(), firing, "the flash of " + region, bytes -> sent[0] = bytes);
    } catch (InterruptedException | DeviceUnreachableException e) {
      store(region, Arrays.copyOf(image.content(), (int) sent[0]), "", false);
      throw e;
    }
    Optional<Fault.FlashFailure> failure = firing.flashFailure();
    if (failure.isEmpty()) {
      store(region, image.content(), image.version(), true);
      return;
    }
    if (failure.get().readBackMismatch()) {
      // The unit thinks the write went fine; only a read-back shows the damage.
      store(region, corrupted(image.content()), image.version(), false);
      return;
    }
    store(region, corrupted(image.content()), "", false);
    throw new FlashFailedException(
        "writing "
            + image
            + " to region "
            + region
            + " at "
            + unit.where()
            + " failed: flash verify error; retry once, then scrap the unit if it fails again");
  }

  @Override
  public String readBackSha256(String region) throws InterruptedException {
    requireRegion(region);
    unit.begin("readback:" + region);
    synchronized (this) {
      Contents c = contents.get(region);
      return c == null ? "" : c.sha256();
    }
  }

  @Override
  public String version(String region) {
    requireRegion(region);
    unit.beginUninterruptibly("readback:" + region);
    return storedVersion(region).orElse("");
  }

  /** The version the region holds, without going to the unit (for the unit's own reports). */
  public synchronized Optional<String> storedVersion(String region) {
    Contents c = contents.get(region);
    return c == null || c.version().isEmpty() ? Optional.empty() : Optional.of(c.version());
  }

  /** Whether the region holds a whole, undamaged image: firmware that can run. */
  public synchronized boolean holdsImage(String region) {
    Contents c = contents.get(region);
    return c != null && c.intact();
  }

  /** Region name to version, for regions holding a whole image with a version. */
  public synchronized Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (String region : regions) {
      Contents c = contents.get(region);
      if (c != null && !c.version().isEmpty()) {
        versions.put(region, c.version());
      }
    }
    return versions;
  }

  private synchronized void store(String region, byte[] bytes, String version, boolean intact) {
    contents.put(region, new Contents(Image.sha256Hex(bytes), version, intact));
  }

  private void requireRegion(String region) {
    if (!regions.contains(region)) {
      throw new OperationRefusedException(
          "the "
              + unit.family
              + " unit at slot "
              + unit.slot
              + " has no flash region '"
              + region
              + "'; name the image after one of "
              + regions);
    }
  }

  private static byte[] corrupted(byte[] content) {
    if (content.length == 0) {
      return new byte[] {(byte) 0xFF};
    }
    byte[] copy = content.clone();
    copy[copy.length / 2] ^= 0x5A;
    return copy;
  }
}
