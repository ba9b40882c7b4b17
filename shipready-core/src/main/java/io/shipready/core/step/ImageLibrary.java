package io.shipready.core.step;

import io.shipready.core.device.Image;

/** Finds the images a recipe names (a line profile's files, a station package). */
public interface ImageLibrary {
  /**
   * @param reference the image as the recipe names it (a path relative to the recipe)
   * @throws io.shipready.core.ShipreadyException when it is missing, unreadable or its hash or
   *     signature does not check
   */
  Image load(String reference);
}
