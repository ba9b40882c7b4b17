package io.shipready.stationpackage;

/**
 * Which packages to accept: those signed by one key, or — only when asked for explicitly — unsigned
 * ones too.
 *
 * @param key the product team's public key, or null to accept a package without checking its signer
 *     (only with {@code allowUnsigned})
 * @param allowUnsigned accept a package that carries no signature
 */
public record Trust(PackageKeys.PublicKeyFile key, boolean allowUnsigned) {
  public Trust {
    if (key == null && !allowUnsigned) {
      throw new PackageException(
          "say which key to trust: --trust the product team's .pub file (or, for a trial only,"
              + " --allow-unsigned)");
    }
  }

  public static Trust key(PackageKeys.PublicKeyFile key) {
    return new Trust(key, false);
  }
}
