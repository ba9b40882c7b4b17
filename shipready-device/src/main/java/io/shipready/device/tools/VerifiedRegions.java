package io.shipready.device.tools;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a programmer's tool verified on the device after each write: the SHA-256 and version of the
 * image it compared with the flash (nrfjprog --verify, J-Link verifybin, OpenOCD verify, esptool
 * verify_flash). Only a write whose verification passed is remembered, so a read-back hash here
 * means the tool compared the device's flash with exactly these bytes.
 */
public final class VerifiedRegions {
  private record Entry(String sha256, String version) {}

  private final Map<String, Entry> regions = new ConcurrentHashMap<>();

  public void verified(io.shipready.core.device.Image image) {
    regions.put(image.name(), new Entry(image.sha256(), image.version()));
  }

  public void forget(String region) {
    regions.remove(region);
  }

  public String sha256(String region) {
    Entry entry = regions.get(region);
    return entry == null ? "" : entry.sha256();
  }

  public String version(String region) {
    Entry entry = regions.get(region);
    return entry == null ? "" : entry.version();
  }
}
