package io.shipready.device.image;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.ImageSignature;
import io.shipready.core.spi.ImageLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Images as files beside a recipe. A signed image has a sidecar {@code <file>.sig} holding one
 * line: the signing key's id, a space, and the base64 Ed25519 signature over the image's SHA-256.
 * Files are read once per station, not once per unit, and never from outside the recipe's folder.
 */
public final class FileImageLibrary implements ImageLibrary {
  private final Path root;
  private final Map<String, ImageFile> cache = new ConcurrentHashMap<>();

  public FileImageLibrary(Path root) {
    this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  @Override
  public ImageFile load(String reference) {
    return cache.computeIfAbsent(reference, this::read);
  }

  private ImageFile read(String reference) {
    Path file = root.resolve(reference).normalize();
    if (!file.startsWith(root)) {
      throw new ShipreadyException(
          "image " + reference + " is outside the recipe's folder " + root + "; keep images in it");
    }
    try {
      byte[] content = Files.readAllBytes(file);
      return new ImageFile(reference, content, signature(file));
    } catch (NoSuchFileException missing) {
      throw new ShipreadyException("image " + reference + " not found at " + file);
    } catch (IOException unreadable) {
      throw new ShipreadyException("cannot read image " + file + ": " + unreadable.getMessage());
    }
  }

  private static ImageSignature signature(Path image) throws IOException {
    Path sidecar = image.resolveSibling(image.getFileName() + ".sig");
    if (!Files.exists(sidecar)) {
      return null;
    }
    String line = Files.readString(sidecar, StandardCharsets.UTF_8).trim();
    String[] parts = line.split("\\s+");
    if (parts.length != 2) {
      throw new ShipreadyException(
          sidecar + ": expected one line '<key id> <base64 signature>', found '" + line + "'");
    }
    try {
      return new ImageSignature(parts[0], Base64.getDecoder().decode(parts[1]));
    } catch (IllegalArgumentException notBase64) {
      throw new ShipreadyException(sidecar + ": the signature is not valid base64");
    }
  }
}
