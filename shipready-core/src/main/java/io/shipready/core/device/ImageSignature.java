package io.shipready.core.device;

import static java.util.Objects.requireNonNull;

/**
 * An Ed25519 signature over an image's SHA-256 digest (the 32 raw bytes), and the id of the key
 * that made it.
 */
public record ImageSignature(String keyId, byte[] signature) {
  public ImageSignature {
    requireNonNull(keyId, "keyId");
    requireNonNull(signature, "signature");
  }
}
