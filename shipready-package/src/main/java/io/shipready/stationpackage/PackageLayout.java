package io.shipready.stationpackage;

/** The entries of a package file (a ZIP), and of an installed package's own folder. */
final class PackageLayout {
  /** Ed25519 over the exact bytes of manifest.json, as {@code <key id> <base64 signature>}. */
  static final String SIGNATURE = "manifest.sig";

  /** The signer's public key file, so a refusal can say which key signed. */
  static final String SIGNER = "signer.pub";

  /** The line profile's files sit under this folder in the ZIP, by their manifest path. */
  static final String FILES = "files/";

  private PackageLayout() {}
}
