package io.shipready.stationpackage;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A package whose signature and every file were checked against its manifest.
 *
 * @param manifestBytes manifest.json exactly as signed
 * @param signature manifest.sig as found, or null for an unsigned package
 * @param signer the key that signed it, or null for an unsigned package
 * @param files every file's content by manifest path; empty when the package was only checked
 *     ({@link PackageReader#check})
 */
public record VerifiedPackage(
    Manifest manifest,
    byte[] manifestBytes,
    String manifestSha256,
    byte[] signature,
    PackageKeys.PublicKeyFile signer,
    Map<String, byte[]> files) {
  public VerifiedPackage {
    requireNonNull(manifest, "manifest");
    requireNonNull(manifestBytes, "manifestBytes");
    requireNonNull(manifestSha256, "manifestSha256");
    files = Map.copyOf(files);
  }

  public boolean signed() {
    return signer != null;
  }
}
