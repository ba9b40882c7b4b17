package io.shipready.device.tools.azsphere;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.spi.ImageStore;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.WorkFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chip's images through {@code azsphere device sideload deploy / delete} and {@code azsphere
 * device image list-installed}. A stale trusted keystore shows as "Image not trusted by device",
 * raised as {@link io.shipready.core.device.ImageRejectedException} with reason NOT_TRUSTED so the
 * step can load the newer keystore and retry.
 */
final class AzsphereImages implements ImageStore {
  static final List<String> COLUMNS = List.of("Name", "ComponentId", "ImageId", "ImageType");

  private final AzsphereCli cli;
  private final String target;

  AzsphereImages(AzsphereCli cli, String target) {
    this.cli = cli;
    this.target = target;
  }

  @Override
  public void install(Image image) throws InterruptedException {
    try (WorkFolder folder = WorkFolder.create(AzsphereCli.TOOL)) {
      Path file = folder.write(image, ".imagepackage");
      ToolResult result =
          cli.device(
              target,
              cli.settings().sideload(),
              List.of("sideload", "deploy", "--image-package", file.toString()));
      if (!result.output().toLowerCase(Locale.ROOT).contains("deployed")) {
        throw new ToolOutputException(result, "a line saying the image package was deployed");
      }
    }
  }

  @Override
  public void delete(String componentId) throws InterruptedException {
    cli.device(
        target,
        cli.settings().command(),
        List.of("sideload", "delete", "--component-id", componentId));
  }

  /**
   * What {@code list-installed} lists by default: applications (debuggers among them) and board
   * configuration images, the images a station loads.
   */
  @Override
  public List<InstalledImage> installed() throws InterruptedException {
    return list(false);
  }

  /**
   * The installed images; with {@code full}, also the OS components and the trusted keystore
   * ({@code --full}).
   */
  List<InstalledImage> list(boolean full) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("image", "list-installed"));
    if (full) {
      command.add("--full");
    }
    command.addAll(List.of("--output", "table"));
    ToolResult result = cli.device(target, cli.settings().command(), command);
    List<InstalledImage> images = new ArrayList<>();
    for (Map<String, String> row : AzsphereTable.rows(result, COLUMNS)) {
      images.add(
          new InstalledImage(
              row.get("Name"),
              row.get("ComponentId"),
              row.get("ImageId"),
              type(row.get("ImageType"))));
    }
    return images;
  }

  /** The CLI's image type names (as in the Azure Sphere image metadata) to ours. */
  static ImageType type(String name) {
    String type = name.toLowerCase(Locale.ROOT);
    if (type.startsWith("application")) {
      return ImageType.APPLICATION;
    }
    if (type.equals("trustedkeystore")) {
      return ImageType.KEYSTORE;
    }
    if (type.equals("customerboardconfig") || type.equals("boardconfig")) {
      return ImageType.BOARD_CONFIG;
    }
    return ImageType.OS_COMPONENT;
  }
}
