package io.shipready.app.assembly;

import io.shipready.stationpackage.InstalledPackage;
import io.shipready.stationpackage.PackageException;
import io.shipready.stationpackage.PackageKeys;
import io.shipready.store.StationPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A station's check, before anything else, that the recipe it is about to run comes from an
 * installed package still exactly as approved.
 */
final class StationPackageCheck {
  private StationPackageCheck() {}

  /**
   * The package the recipe is from, verified; null when the recipe is not from an installed package
   * and no key was required.
   *
   * @param trustFile the key the station requires packages to be signed by, or null
   * @param allowUnsigned run from a package installed unsigned (trials only)
   */
  static StationPackage verify(Path recipeFile, Path trustFile, boolean allowUnsigned) {
    PackageKeys.PublicKeyFile trust = trustFile == null ? null : PackageKeys.readPublic(trustFile);
    Optional<InstalledPackage> found = InstalledPackage.containing(recipeFile);
    if (found.isEmpty()) {
      if (trust != null) {
        throw new PackageException(
            recipeFile
                + " is not from an installed station package, and --trust requires one; install"
                + " the package with 'shipready package install' and run its recipe");
      }
      return null;
    }
    InstalledPackage installed = found.get();
    installed.verify(trust, allowUnsigned, List.of(recipeFile));
    return new StationPackage(
        installed.manifest().name(),
        installed.manifest().version(),
        installed.manifestSha256(),
        installed.signer().map(PackageKeys.PublicKeyFile::fingerprint).orElse(""));
  }
}
