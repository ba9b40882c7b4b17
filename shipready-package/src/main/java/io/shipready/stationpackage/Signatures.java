package io.shipready.stationpackage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Checks a manifest's signature and its signer against the trusted key. */
final class Signatures {
  private Signatures() {}

  /**
   * The signer of a manifest, once its signature checks out and its key is the trusted one; null
   * for an unsigned manifest that {@code trust} allows.
   *
   * @param source names the package or folder in messages
   */
  static PackageKeys.PublicKeyFile check(
      String source, byte[] manifest, byte[] signature, byte[] signerText, Trust trust) {
    if (signature == null) {
      if (trust.allowUnsigned()) {
        return null;
      }
      throw new PackageException(
          source
              + ": the package is not signed (no "
              + PackageLayout.SIGNATURE
              + "); build it with --sign, or accept it with --allow-unsigned for a trial only");
    }
    if (signerText == null) {
      throw new PackageException(
          source + ": " + PackageLayout.SIGNER + " is missing, so the signer cannot be named");
    }
    PackageKeys.PublicKeyFile signer =
        PackageKeys.parsePublic(
            source + "!" + PackageLayout.SIGNER, new String(signerText, StandardCharsets.UTF_8));
    if (trust.key() != null && !signer.fingerprint().equals(trust.key().fingerprint())) {
      throw new PackageException(
          source
              + ": signed by key "
              + signer.keyId()
              + " "
              + signer.fingerprint()
              + ", not the trusted "
              + trust.key().keyId()
              + " "
              + trust.key().fingerprint()
              + "; get the package from the product team that owns the trusted key");
    }
    String[] parts = new String(signature, StandardCharsets.UTF_8).strip().split("\\s+");
    boolean valid = false;
    if (parts.length == 2) {
      try {
        valid = valid(signer.key(), manifest, Base64.getDecoder().decode(parts[1]));
      } catch (IllegalArgumentException notBase64) {
        valid = false;
      }
    }
    if (!valid) {
      throw new PackageException(
          source
              + ": "
              + PackageLayout.SIGNATURE
              + " does not match "
              + ManifestJson.FILE
              + " (the manifest was changed after it was signed, or the signature is damaged)");
    }
    return signer;
  }

  /** Whether {@code signature} is the key's Ed25519 signature over {@code content}. */
  static boolean valid(PublicKey key, byte[] content, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(PackageKeys.ALGORITHM);
      verifier.initVerify(key);
      verifier.update(content);
      return verifier.verify(signature);
    } catch (GeneralSecurityException malformed) {
      return false;
    }
  }
}
