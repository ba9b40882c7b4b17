package io.shipready.stationpackage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Installs a verified package into a new folder: its files, and under {@link
 * InstalledPackage#FOLDER} the manifest, its signature and the signer's public key, so a station
 * can check the files again each time it starts. The folder appears whole or not at all.
 */
public final class PackageInstaller {
  private PackageInstaller() {}

  /** Installs {@code verified} into {@code target}, which must not exist or be empty. */
  public static InstalledPackage install(VerifiedPackage verified, Path target) {
    requireNonNull(verified, "verified");
    Path dir = requireNonNull(target, "target").toAbsolutePath().normalize();
    if (Files.exists(dir) && !empty(dir)) {
      throw new PackageException(
          dir
              + " is not empty; install into a new folder (then copy the station's own"
              + " station-config.yaml over)");
    }
    Path parent = dir.getParent();
    Path staging = parent.resolve("." + dir.getFileName() + ".installing-" + UUID.randomUUID());
    try {
      Files.createDirectories(parent);
      Files.createDirectory(staging);
      Map<String, Manifest.Entry> listed = verified.manifest().byPath();
      for (Map.Entry<String, byte[]> file : verified.files().entrySet()) {
        Path out = staging.resolve(file.getKey()).normalize();
        if (!out.startsWith(staging)) {
          throw new PackageException(file.getKey() + ": outside the install folder; refused");
        }
        Files.createDirectories(out.getParent());
        Files.write(out, file.getValue());
        // Read-only: an edit on the floor then takes a deliberate step, and is caught anyway.
        out.toFile().setWritable(false, false);
        if (listed.get(file.getKey()).executable()) {
          out.toFile().setExecutable(true, false);
        }
      }
      Path own = Files.createDirectory(staging.resolve(InstalledPackage.FOLDER));
      Files.write(own.resolve(ManifestJson.FILE), verified.manifestBytes());
      if (verified.signed()) {
        Files.write(own.resolve(PackageLayout.SIGNATURE), verified.signature());
        Files.writeString(
            own.resolve(PackageLayout.SIGNER),
            verified.signer().line() + "\n",
            StandardCharsets.UTF_8);
      }
      if (Files.exists(dir)) {
        Files.delete(dir);
      }
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(staging);
      throw new PackageException("cannot install into " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(staging);
      throw e;
    }
    return InstalledPackage.open(dir);
  }

  private static boolean empty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new PackageException(dir + " exists and cannot be listed: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // Best effort: a left-over hidden staging folder is harmless and named for what it is.
    }
  }
}
