package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.OperationRefusedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a simulated trusted-keystore image ({@link
 * io.shipready.core.device.ImageType#KEYSTORE}): UTF-8 lines {@code <key id> <base64 of the
 * X.509-encoded Ed25519 public key>}. Blank lines and lines starting with {@code #} are ignored.
 * Like any image, a keystore image must be signed by a key the unit already trusts.
 */
public final class KeystoreImages {
  private KeystoreImages() {}

  /** The content of a keystore image that adds {@code keys}. */
  public static byte[] content(Map<String, PublicKey> keys) {
    requireNonNull(keys, "keys");
    StringBuilder text = new StringBuilder("# trusted keystore: key id, X.509 public key\n");
    keys.forEach(
        (keyId, key) -> {
          if (keyId.isBlank() || keyId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                "key id '" + keyId + "' must be one word: no spaces, not blank");
          }
          text.append(keyId)
              .append(' ')
              .append(Base64.getEncoder().encodeToString(key.getEncoded()))
              .append('\n');
        });
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The keys in a keystore image's content.
   *
   * @throws OperationRefusedException naming the line when the content is malformed
   */
  public static Map<String, PublicKey> parse(String imageName, byte[] content) {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw malformed(imageName, i + 1, "expected '<key id> <base64 public key>'");
      }
      try {
        byte[] encoded = Base64.getDecoder().decode(parts[1]);
        keys.put(
            parts[0],
            KeyFactory.getInstance(ImageSigning.ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(encoded)));
      } catch (IllegalArgumentException | GeneralSecurityException e) {
        throw malformed(imageName, i + 1, "not a base64 X.509 Ed25519 public key");
      }
    }
    return keys;
  }

  private static OperationRefusedException malformed(String imageName, int line, String problem) {
    return new OperationRefusedException(
        "keystore image "
            + imageName
            + " line "
            + line
            + ": "
            + problem
            + "; rebuild the keystore image with KeystoreImages.content");
  }
}
