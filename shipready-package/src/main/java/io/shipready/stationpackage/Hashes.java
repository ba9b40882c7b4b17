package io.shipready.stationpackage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the way manifests and records write it. */
final class Hashes {
  private Hashes() {}

  static String sha256(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  /** The digest so far, as lower-case hex. */
  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException everyJavaHasIt) {
      throw new IllegalStateException(everyJavaHasIt);
    }
  }
}
