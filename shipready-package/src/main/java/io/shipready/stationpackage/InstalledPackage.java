package io.shipready.stationpackage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A package installed in a folder, as a station finds it. {@link #verify} checks, before a station
 * runs any unit, that the manifest is the one signed and that every recipe, image, label template
 * and config template is byte for byte the one in it. The factory's own files (its filled-in
 * station config, the records database, factory files) are not in the manifest and not checked; but
 * a recipe, image or label that is not in the manifest is refused, since a station could use it.
 */
public final class InstalledPackage {
  /** The installed package's own folder, beside its files. */
  public static final String FOLDER = ".shipready-package";

  private final Path root;
  private final byte[] manifestBytes;
  private final Manifest manifest;

  private InstalledPackage(Path root, byte[] manifestBytes, Manifest manifest) {
    this.root = root;
    this.manifestBytes = manifestBytes;
    this.manifest = manifest;
  }

  /**
   * The package a file belongs to: the nearest folder, from the file's own upwards, holding {@link
   * #FOLDER}.
   */
  public static Optional<InstalledPackage> containing(Path file) {
    Path dir = requireNonNull(file, "file").toAbsolutePath().normalize().getParent();
    for (; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(FOLDER))) {
        return Optional.of(open(dir));
      }
    }
    return Optional.empty();
  }

  /** The package installed in {@code root}. */
  public static InstalledPackage open(Path root) {
    Path dir = requireNonNull(root, "root").toAbsolutePath().normalize();
    Path manifestFile = dir.resolve(FOLDER).resolve(ManifestJson.FILE);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(manifestFile);
    } catch (NoSuchFileException missing) {
      throw new PackageException(
          manifestFile
              + " is missing: "
              + dir
              + " is not an intact installed package; install it"
              + " again with 'shipready package install'");
    } catch (IOException e) {
      throw new PackageException("cannot read " + manifestFile + ": " + e.getMessage(), e);
    }
    return new InstalledPackage(dir, bytes, ManifestJson.read(manifestFile.toString(), bytes));
  }

  public Path root() {
    return root;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The SHA-256 of the manifest as signed: names exactly this content of the package. */
  public String manifestSha256() {
    return Hashes.sha256(manifestBytes);
  }

  /** Who signed it, or empty for a package installed unsigned (or whose signature is gone). */
  public Optional<PackageKeys.PublicKeyFile> signer() {
    Path own = root.resolve(FOLDER);
    Path file = own.resolve(PackageLayout.SIGNER);
    return Files.exists(file) && Files.exists(own.resolve(PackageLayout.SIGNATURE))
        ? Optional.of(PackageKeys.readPublic(file))
        : Optional.empty();
  }

  /**
   * Checks the installed files against the manifest, before a station runs.
   *
   * @param trust the key the station trusts, or null to check the signature against the signer
   *     recorded at install
   * @param allowUnsigned accept a package installed without a signature (for trials); otherwise a
   *     removed signature is refused like a wrong one
   * @param inUse files the station is about to use (its recipe): each must be in the manifest
   * @throws PackageException naming every file that differs, is missing, or is not in the manifest
   */
  public void verify(PackageKeys.PublicKeyFile trust, boolean allowUnsigned, List<Path> inUse) {
    Path own = root.resolve(FOLDER);
    byte[] signature = readIfExists(own.resolve(PackageLayout.SIGNATURE));
    byte[] signer = readIfExists(own.resolve(PackageLayout.SIGNER));
    String source = "installed package " + manifest.title() + " at " + root;
    if (trust == null && signature == null && !allowUnsigned) {
      throw new PackageException(
          "the station will not start: "
              + source
              + " is not signed (no "
              + FOLDER
              + "/"
              + PackageLayout.SIGNATURE
              + "); install a signed package, or allow an unsigned one for a trial only");
    }
    // With no key given, a signed package is checked against the signer recorded at install.
    Signatures.check(
        source, manifestBytes, signature, signer, new Trust(trust, trust == null || allowUnsigned));

    List<String> problems = new ArrayList<>();
    Map<String, Manifest.Entry> listed = manifest.byPath();
    for (Manifest.Entry entry : manifest.files()) {
      Path file = root.resolve(entry.path());
      byte[] content = readIfExists(file);
      if (content == null) {
        problems.add(entry.path() + ": missing (it is in the manifest)");
      } else if (content.length != entry.size() || !Hashes.sha256(content).equals(entry.sha256())) {
        problems.add(entry.path() + ": SHA-256 differs from the manifest");
      }
    }
    for (Path file : inUse) {
      String path = relative(file.toAbsolutePath().normalize());
      if (path == null || !listed.containsKey(path)) {
        problems.add(file + ": not in the package's manifest, so it was not approved");
      }
    }
    for (String extra : unlistedControlledFiles(listed)) {
      problems.add(extra + ": not in the manifest (a recipe, image or label added after install)");
    }
    if (!problems.isEmpty()) {
      StringBuilder message =
          new StringBuilder("the station will not start: ")
              .append(source)
              .append(" differs from what was approved:");
      problems.forEach(problem -> message.append("\n  ").append(problem));
      message.append(
          "\nInstall the package again into a new folder; only the station config is the"
              + " factory's to change.");
      throw new PackageException(message.toString());
    }
  }

  private String relative(Path file) {
    if (!file.startsWith(root)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    root.relativize(file).forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }

  private List<String> unlistedControlledFiles(Map<String, Manifest.Entry> listed) {
    List<String> extras = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return dir.getFileName() != null && dir.getFileName().toString().equals(FOLDER)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              String path = relative(file);
              if (attrs.isRegularFile() && path != null && !listed.containsKey(path)) {
                // Only YAML is read to tell a recipe; the factory's large files are not opened.
                byte[] head =
                    path.endsWith(".yaml") || path.endsWith(".yml")
                        ? Files.readAllBytes(file)
                        : new byte[0];
                if (FileRoles.controlled(FileRoles.classify(path, head))) {
                  extras.add(path);
                }
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new PackageException("cannot list " + root + ": " + e.getMessage(), e);
    }
    return extras;
  }

  private static byte[] readIfExists(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      throw new PackageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
