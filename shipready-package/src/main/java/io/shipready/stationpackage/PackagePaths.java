package io.shipready.stationpackage;

import java.util.regex.Pattern;

/**
 * The paths a package may hold: relative, {@code /} between folders, no {@code ..}, no drive or
 * root — so no entry can be written outside the folder it is installed into.
 */
final class PackagePaths {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private PackagePaths() {}

  /** Refuses a path that could escape the install folder; {@code where} names it. */
  static void check(String path, String where) {
    if (path.isEmpty()
        || path.startsWith("/")
        || path.contains("\\")
        || path.contains("\0")
        || DRIVE.matcher(path).matches()) {
      throw new PackageException(
          where + ": not a relative path inside the package; the package is refused");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new PackageException(
            where + ": the path leaves or escapes its folder; the package is refused");
      }
    }
    if (path.equals(InstalledPackage.FOLDER) || path.startsWith(InstalledPackage.FOLDER + "/")) {
      throw new PackageException(where + ": " + InstalledPackage.FOLDER + " is reserved");
    }
  }
}
