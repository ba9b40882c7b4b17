package io.shipready.core.spi;

import io.shipready.core.device.ImageSignature;

/**
 * Finds the image files a recipe names (a line profile's files, a station package). What the image
 * is (version, component, image id) is data in the recipe; the library supplies the bytes and the
 * signature that travels with them.
 */
public interface ImageLibrary {

  /** The bytes of an image file and, when it was signed, its signature. */
  record ImageFile(String reference, byte[] content, ImageSignature signature) {}

  /**
   * @param reference the image as the recipe names it (a path relative to the recipe)
   * @throws io.shipready.core.ShipreadyException when it is missing or unreadable
   */
  ImageFile load(String reference);
}
