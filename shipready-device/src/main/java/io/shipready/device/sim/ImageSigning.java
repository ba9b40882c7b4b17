package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageSignature;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Signs and checks images the way a signed-image device does: Ed25519 over the 32 raw bytes of the
 * image's SHA-256. Used by the simulated units, and by anyone preparing signed sample images for
 * them.
 */
public final class ImageSigning {
  public static final String ALGORITHM = "Ed25519";

  private ImageSigning() {}

  /** A copy of {@code image} signed with {@code key}, known to devices as {@code keyId}. */
  public static Image signed(Image image, String keyId, PrivateKey key) {
    requireNonNull(image, "image");
    return new Image(
        image.name(),
        image.version(),
        image.type(),
        image.componentId(),
        image.imageId(),
        image.content(),
        sign(image.content(), keyId, key));
  }

  public static ImageSignature sign(byte[] content, String keyId, PrivateKey key) {
    requireNonNull(content, "content");
    requireNonNull(keyId, "keyId");
    requireNonNull(key, "key");
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(digest(content));
      return new ImageSignature(keyId, signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot sign with key '" + keyId + "': it must be an " + ALGORITHM + " private key", e);
    }
  }

  /** Whether the signature over {@code content} was made by {@code key}; false for any mismatch. */
  public static boolean verifies(byte[] content, ImageSignature signature, PublicKey key) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(digest(content));
      return verifier.verify(signature.signature());
    } catch (GeneralSecurityException e) {
      // A malformed signature or a key of another algorithm proves nothing about the image.
      return false;
    }
  }

  private static byte[] digest(byte[] content) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(content);
  }
}
