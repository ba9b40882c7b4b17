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

  /** The image types that make up the OS (and its manifests), as the CLI names them. */
  private static final java.util.Set<String> OS_TYPES =
      java.util.Set.of(
          "onebl",
          "plutonruntime",
          "wififirmware",
          "securitymonitor",
          "normalworldloader",
          "normalworlddtb",
          "normalworldkernel",
          "rootfs",
          "services",
          "firmwareconfig",
          "bootmanifest",
          "normalworldfilesystem",
          "policy",
          "updatecertstore",
          "basesystemupdatemanifest",
          "firmwareupdatemanifest",
          "customerupdatemanifest",
          "recoverymanifest",
          "manifestset",
          "other");

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
    ToolResult result = cli.query(target, cli.settings().command(), command);
    List<InstalledImage> images = new ArrayList<>();
    for (Map<String, String> row : AzsphereOutput.rows(result, COLUMNS)) {
      ImageType type = type(row.get("ImageType"));
      if (type == null) {
        throw new ToolOutputException(
            result,
            "an image type the ready-to-ship checks know (Applications, CustomerBoardConfig,"
                + " TrustedKeystore or an OS component such as RootFs), not '"
                + row.get("ImageType")
                + "' for "
                + row.get("Name"));
      }
      images.add(
          new InstalledImage(row.get("Name"), row.get("ComponentId"), row.get("ImageId"), type));
    }
    return images;
  }

  /**
   * The CLI's image type names (as in the Azure Sphere image metadata; the classic layout spells
   * them with spaces) to ours; null for a name the driver does not know, which it refuses rather
   * than count a board configuration as an OS component or an application.
   */
  static ImageType type(String name) {
    String type = AzsphereOutput.key(name);
    if (type.equals("application") || type.equals("applications")) {
      return ImageType.APPLICATION;
    }
    if (type.equals("trustedkeystore")) {
      return ImageType.KEYSTORE;
    }
    if (type.equals("customerboardconfig") || type.equals("boardconfig")) {
      return ImageType.BOARD_CONFIG;
    }
    return OS_TYPES.contains(type) ? ImageType.OS_COMPONENT : null;
  }
}
