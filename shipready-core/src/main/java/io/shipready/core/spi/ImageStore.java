package io.shipready.core.spi;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import java.util.List;

/**
 * A device that keeps signed images by component (Azure Sphere style): images are installed
 * (sideloaded), listed and deleted, and each is checked against the device's trusted keystore.
 */
public interface ImageStore extends Capability {

  /** One image installed on the device. */
  record InstalledImage(String name, String componentId, String imageId, ImageType type) {}

  /**
   * Installs an image, replacing the component's previous one.
   *
   * @throws ImageRejectedException when the signature is not trusted or not valid
   * @throws OperationRefusedException when the manufacturing state forbids loading software
   */
  void install(Image image) throws InterruptedException;

  /** Deletes the image of a component; refused where the state forbids it. */
  void delete(String componentId) throws InterruptedException;

  List<InstalledImage> installed() throws InterruptedException;
}
