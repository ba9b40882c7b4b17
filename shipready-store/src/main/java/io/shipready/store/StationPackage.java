package io.shipready.store;

import static java.util.Objects.requireNonNull;

/**
 * The station package a station runs from, recorded with each of its runs: what the product team
 * approved, by name, version and the SHA-256 of its signed manifest.
 *
 * @param signer the fingerprint of the key that signed the package, or empty when it was installed
 *     unsigned
 */
public record StationPackage(String name, String version, String manifestSha256, String signer) {
  public StationPackage {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(manifestSha256, "manifestSha256");
    signer = signer == null ? "" : signer;
  }
}
