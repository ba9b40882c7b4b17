package io.shipready.core.spi;

import io.shipready.core.device.Image;

/**
 * Writes firmware images into a device's flash regions and reads back what is there. Writing takes
 * time in proportion to the image size.
 */
public interface Programmer extends Capability {
  /**
   * Writes an image into the region named by {@link Image#name()}.
   *
   * @throws FlashFailedException when the write fails
   * @throws InterruptedException when the step is cancelled
   */
  void write(Image image) throws InterruptedException;

  /**
   * SHA-256 of what the named region holds now, as lowercase hex; empty when it was never written.
   */
  String readBackSha256(String region) throws InterruptedException;

  /** The version of the image in the named region, empty when none. */
  String version(String region) throws InterruptedException;
}
