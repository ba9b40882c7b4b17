package io.shipready.device.tools.nrf;

import io.shipready.core.device.Image;
import io.shipready.device.tools.IntelHex;
import io.shipready.device.tools.RegionAddresses;
import io.shipready.device.tools.WorkFolder;
import java.nio.file.Path;

/** Nordic's tools program Intel HEX files: a binary image is converted at its region's address. */
final class HexImages {
  private HexImages() {}

  static Path write(WorkFolder folder, Image image, RegionAddresses addresses, String tool) {
    byte[] hex =
        IntelHex.looksLikeHex(image.content())
            ? image.content()
            : IntelHex.encode(image.content(), addresses.of(tool, image.name()));
    return folder.write(image.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".hex", hex);
  }
}
