package io.shipready.core.device;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A firmware image ready to load: its bytes, what it is, and (for lines that sign their images) who
 * signed it. The station checks the SHA-256 before it loads an image and the device's read-back
 * after.
 *
 * @param name the image's role on the device: bootloader, softdevice, os, app, profile, wifi, ncp,
 *     keystore, board-config, ...
 * @param componentId the component the image belongs to, for devices with an image store; may be
 *     null
 * @param imageId this build's id, for devices with an image store; may be null
 * @param signature who signed the image and the signature over its SHA-256; null when unsigned
 */
public record Image(
    String name,
    String version,
    ImageType type,
    String componentId,
    String imageId,
    byte[] content,
    ImageSignature signature) {

  public Image {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(content, "content");
    version = version == null ? "" : version;
  }

  public long size() {
    return content.length;
  }

  public String sha256() {
    return sha256Hex(content);
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }

  @Override
  public String toString() {
    return name + (version.isEmpty() ? "" : " " + version) + " (" + content.length + " bytes)";
  }
}
