package io.shipready.device.tools;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder for one tool run: the image files and command files the tool reads.
 * Deleted, with everything in it, when closed.
 */
public final class WorkFolder implements AutoCloseable {
  private final Path folder;

  private WorkFolder(Path folder) {
    this.folder = folder;
  }

  public static WorkFolder create(String tool) {
    try {
      return new WorkFolder(Files.createTempDirectory("shipready-" + tool + "-"));
    } catch (IOException full) {
      throw new ShipreadyException(
          tool + ": cannot create a temporary folder for the tool's files: " + full.getMessage());
    }
  }

  public Path path() {
    return folder;
  }

  /** Writes an image's bytes to a file named after the image, with the given extension. */
  public Path write(Image image, String extension) {
    String base = (image.name() + (image.version().isEmpty() ? "" : "-" + image.version()));
    return write(base.replaceAll("[^A-Za-z0-9._-]", "_") + extension, image.content());
  }

  public Path write(String fileName, byte[] content) {
    Path file = folder.resolve(fileName);
    try {
      return Files.write(file, content);
    } catch (IOException full) {
      throw new ShipreadyException("cannot write " + file + ": " + full.getMessage());
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(WorkFolder::delete);
    } catch (IOException | UncheckedIOException gone) {
      // Left behind in the system's temporary folder; nothing the station needs.
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // As above.
    }
  }
}
