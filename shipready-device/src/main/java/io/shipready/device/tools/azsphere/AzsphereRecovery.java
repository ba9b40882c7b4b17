package io.shipready.device.tools.azsphere;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.spi.ImageStore.InstalledImage;
import io.shipready.core.spi.Recovery;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.WorkFolder;
import java.util.List;
import java.util.Locale;

/**
 * Reinstalls the OS with {@code azsphere device recover --images <folder>}: the recovery images are
 * written to a private folder and handed over whole. The vendor allows up to 15 minutes.
 */
final class AzsphereRecovery implements Recovery {
  private final AzsphereCli cli;
  private final String target;
  private final AzsphereImages images;

  AzsphereRecovery(AzsphereCli cli, String target, AzsphereImages images) {
    this.cli = cli;
    this.target = target;
    this.images = images;
  }

  @Override
  public void recover(List<Image> osComponents) throws InterruptedException {
    if (osComponents.isEmpty()) {
      throw new IllegalArgumentException("recovery needs at least one recovery image");
    }
    try (WorkFolder folder = WorkFolder.create(AzsphereCli.TOOL)) {
      for (Image image : osComponents) {
        String name = image.name().replaceAll("[^A-Za-z0-9._-]", "_");
        folder.write(name.contains(".") ? name : name + ".bin", image.content());
      }
      ToolResult result =
          cli.device(
              target,
              cli.settings().recover(),
              List.of("recover", "--images", folder.path().toString()));
      if (!result.output().toLowerCase(Locale.ROOT).contains("recovered successfully")) {
        throw new ToolOutputException(result, "'Device recovered successfully.'");
      }
    }
  }

  @Override
  public List<String> osComponentImageIds() throws InterruptedException {
    return images.list(true).stream()
        .filter(image -> image.type() == ImageType.OS_COMPONENT)
        .map(InstalledImage::imageId)
        .toList();
  }

  @Override
  public List<String> osComponentIds() throws InterruptedException {
    return images.list(true).stream()
        .filter(image -> image.type() == ImageType.OS_COMPONENT)
        .map(InstalledImage::componentId)
        .toList();
  }
}
