package io.shipready.backoffice.ingest;

import io.shipready.backoffice.BackofficeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The device profile versions a programming file may name, from a text file (one per line, {@code
 * #} starts a comment). Read again for each file, so a new release is taken without a restart.
 */
final class KnownProfiles {
  private KnownProfiles() {}

  /** The versions, or empty when the file does not exist (every version is then taken). */
  static Optional<Set<String>> read(Path file) {
    try {
      Set<String> versions = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file)) {
        int hash = line.indexOf('#');
        String version = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!version.isEmpty()) {
          versions.add(version);
        }
      }
      return Optional.of(Set.copyOf(versions));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new BackofficeException("Cannot read the profile versions file " + file + ": " + e, e);
    }
  }
}
