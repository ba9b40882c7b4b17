package io.shipready.stationpackage;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a station package from a line profile folder: every file with its SHA-256 in a manifest,
 * the manifest signed, all in one ZIP, optionally sealed with a passphrase.
 */
public final class PackageBuilder {
  private final Path lineDir;
  private String name;
  private String version;
  private PackageKeys.SigningKey signingKey;
  private Clock clock = Clock.systemUTC();

  private PackageBuilder(Path lineDir) {
    this.lineDir = requireNonNull(lineDir, "lineDir").toAbsolutePath().normalize();
    this.name = this.lineDir.getFileName() == null ? "line" : this.lineDir.getFileName().toString();
  }

  /** A builder for the line profile in {@code lineDir}, named after the folder. */
  public static PackageBuilder of(Path lineDir) {
    return new PackageBuilder(lineDir);
  }

  public PackageBuilder name(String name) {
    this.name = requireNonNull(name, "name");
    return this;
  }

  public PackageBuilder version(String version) {
    this.version = requireNonNull(version, "version");
    return this;
  }

  /** Signs the manifest with this key; without one the package is unsigned. */
  public PackageBuilder signWith(PackageKeys.SigningKey key) {
    this.signingKey = key;
    return this;
  }

  public PackageBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** What was built: the package's bytes (a ZIP, not yet encrypted) and its manifest. */
  public record Built(byte[] zip, Manifest manifest, String manifestSha256, boolean signed) {}

  public Built build() {
    if (version == null || version.isBlank()) {
      throw new PackageException("give the package a version, e.g. --version 1.0.0");
    }
    if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
      throw new PackageException("package name '" + name + "' must be one word");
    }
    if (!Files.isDirectory(lineDir)) {
      throw new PackageException(lineDir + " is not a folder; give the line profile's folder");
    }
    if (Files.exists(lineDir.resolve(InstalledPackage.FOLDER))) {
      throw new PackageException(
          lineDir
              + " is an installed package, not a line profile; build from the line's own folder");
    }
    List<Path> paths = files();
    if (paths.isEmpty()) {
      throw new PackageException(lineDir + " holds no files; a package needs a line profile");
    }
    List<Manifest.Entry> entries = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    boolean hasRecipe = false;
    for (Path file : paths) {
      String path = relative(file);
      PackagePaths.check(path, lineDir.resolve(path).toString());
      byte[] content = read(file);
      FileRole role = FileRoles.classify(path, content);
      hasRecipe |= role == FileRole.RECIPE;
      entries.add(
          new Manifest.Entry(path, role, content.length, Hashes.sha256(content), executable(file)));
      contents.add(content);
    }
    if (!hasRecipe) {
      throw new PackageException(
          lineDir
              + " holds no recipe (a YAML file with a top-level 'recipe:'); a station needs one");
    }
    Manifest manifest =
        new Manifest(
            Manifest.FORMAT,
            name,
            version,
            lineDir.getFileName() == null ? name : lineDir.getFileName().toString(),
            clock.instant().truncatedTo(ChronoUnit.SECONDS),
            entries);
    byte[] manifestBytes = ManifestJson.write(manifest);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
      put(out, ManifestJson.FILE, manifestBytes);
      if (signingKey != null) {
        String signature =
            signingKey.keyId()
                + " "
                + Base64.getEncoder().encodeToString(signingKey.sign(manifestBytes))
                + "\n";
        put(out, PackageLayout.SIGNATURE, signature.getBytes(StandardCharsets.UTF_8));
        put(
            out,
            PackageLayout.SIGNER,
            (signingKey.publicKeyFile().line() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (int i = 0; i < entries.size(); i++) {
        put(out, PackageLayout.FILES + entries.get(i).path(), contents.get(i));
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return new Built(zip.toByteArray(), manifest, Hashes.sha256(manifestBytes), signingKey != null);
  }

  private List<Path> files() {
    try (Stream<Path> walk = Files.walk(lineDir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new PackageException("cannot list " + lineDir + ": " + e.getMessage(), e);
    }
  }

  private String relative(Path file) {
    List<String> parts = new ArrayList<>();
    lineDir.relativize(file).forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }

  /** Executable by its owner, where the file system says so (on Windows nothing is marked). */
  private static boolean executable(Path file) {
    try {
      return Files.getFileStore(file).supportsFileAttributeView("posix")
          && Files.getPosixFilePermissions(file)
              .contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    } catch (IOException e) {
      throw new PackageException("cannot read the permissions of " + file + ": " + e, e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PackageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    // A fixed time: the same line profile and manifest give the same ZIP.
    entry.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
    out.putNextEntry(entry);
    out.write(content);
    out.closeEntry();
  }
}
