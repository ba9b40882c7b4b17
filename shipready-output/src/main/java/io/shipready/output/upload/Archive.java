package io.shipready.output.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The factory's own copy of every file sent. A file is written under a temporary name, forced to
 * disk and then given its name in one step; an archived file is never replaced by different
 * content.
 */
final class Archive {
  private final Path folder;

  Archive(Path folder) {
    this.folder = folder;
  }

  /** Why this file cannot go into the archive, or empty when it can (or is there already). */
  Optional<String> conflict(LocalFile file) {
    Path archived = folder.resolve(file.name());
    if (!Files.exists(archived)) {
      return Optional.empty();
    }
    String sha;
    try {
      sha = Sha256.of(archived);
    } catch (IOException e) {
      throw new ArchiveException(
          "Cannot read the archived " + archived + " (" + e + "): fix its permissions.", e);
    }
    if (sha.equals(file.sha256())) {
      return Optional.empty();
    }
    return Optional.of(
        "the archive already holds a different "
            + file.name()
            + " ("
            + archived
            + "); two different files of one name would leave the factory, so neither is sent"
            + " again. Find out which is right, move the other away, and run again.");
  }

  /** Keeps a copy of the file (nothing to do when an identical one is there). */
  void keep(LocalFile file) {
    Path archived = folder.resolve(file.name());
    Path temporary = folder.resolve("." + file.name() + ".part-" + randomSuffix());
    try {
      Files.createDirectories(folder);
      if (Files.exists(archived)) {
        checkSame(file, archived);
        return;
      }
      String copied = copyDurably(file.path(), temporary);
      if (!copied.equals(file.sha256())) {
        throw new ArchiveException(
            file.path()
                + " changed while it was being archived: the day's files must be closed before"
                + " the upload; run again once nothing writes to it.");
      }
      try {
        // A hard link fails if the name exists, so a file that appeared meanwhile is kept.
        Files.createLink(archived, temporary);
      } catch (FileAlreadyExistsException e) {
        checkSame(file, archived);
      } catch (IOException | UnsupportedOperationException e) {
        // No hard links on this file system: an atomic rename, after looking first.
        if (Files.exists(archived)) {
          checkSame(file, archived);
        } else {
          Files.move(temporary, archived, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Durable.forceFolder(folder);
    } catch (IOException e) {
      throw new ArchiveException(
          "Cannot archive "
              + file.name()
              + " in "
              + folder
              + " ("
              + e
              + "): fix the disk or permissions.",
          e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // a stray temporary file in the archive is harmless; its name starts with a dot
      }
    }
  }

  private void checkSame(LocalFile file, Path archived) throws IOException {
    if (!Sha256.of(archived).equals(file.sha256())) {
      throw new ArchiveException(
          conflict(file).orElse("the archive holds a different " + file.name()));
    }
  }

  private static String copyDurably(Path source, Path target) throws IOException {
    Sha256 sha = new Sha256();
    try (InputStream in = Files.newInputStream(source);
        FileChannel out =
            FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
      }
      out.force(true);
    }
    return sha.hex();
  }

  static String randomSuffix() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
