package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes each label to a folder as {@code <job>.zpl}: for a print server that watches the folder,
 * or to keep labels for later. A file appears whole or not at all (written aside, then linked into
 * place), and an existing file is never overwritten: the second label for a job becomes {@code
 * <job>-1.zpl}, and so on.
 */
public final class FolderPrinter implements LabelPrinter {
  private static final int MAX_SUFFIX = 9999;

  private final Path folder;

  public FolderPrinter(Path folder) {
    this.folder = requireNonNull(folder, "folder");
  }

  /**
   * A printer into {@code folder}, created with its parents if missing.
   *
   * @throws PrinterException when the folder cannot be created
   */
  public static FolderPrinter created(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new PrinterException(
          "label folder " + folder,
          "cannot create the label folder " + folder + ": " + e.getMessage(),
          e);
    }
    return new FolderPrinter(folder);
  }

  @Override
  public String name() {
    return "label folder " + folder;
  }

  @Override
  public void print(String zpl, String jobName) {
    write(zpl, jobName);
  }

  /** As {@link #print}, returning the file written. */
  public Path write(String zpl, String jobName) {
    requireNonNull(zpl, "zpl");
    requireNonNull(jobName, "jobName");
    if (!Files.isDirectory(folder)) {
      throw new PrinterException(
          name(),
          name()
              + " does not exist, so label '"
              + jobName
              + "' was not written; create the folder or correct its path");
    }
    String base = JobNames.fileSafe(jobName);
    Path temporary = null;
    try {
      temporary = Files.createTempFile(folder, "." + base + "-", ".part");
      try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer data = ByteBuffer.wrap(zpl.getBytes(StandardCharsets.UTF_8));
        while (data.hasRemaining()) {
          file.write(data);
        }
        file.force(true);
      }
      for (int suffix = 0; suffix <= MAX_SUFFIX; suffix++) {
        Path target = folder.resolve(suffix == 0 ? base + ".zpl" : base + "-" + suffix + ".zpl");
        if (place(temporary, target)) {
          return target;
        }
      }
      throw new PrinterException(
          name(),
          name()
              + " already holds "
              + (MAX_SUFFIX + 1)
              + " labels named "
              + base
              + "*.zpl; move them away and print again");
    } catch (IOException io) {
      throw new PrinterException(
          name(),
          name() + ": label '" + jobName + "' was not written (" + io + "); check the folder",
          io);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // A leftover hidden .part file is harmless and shows what happened.
        }
      }
    }
  }

  /** Puts the file in place under the target name unless that name is taken. */
  private static boolean place(Path temporary, Path target) throws IOException {
    try {
      // A hard link is created only if the name is free, atomically: no race with another writer.
      Files.createLink(target, temporary);
      return true;
    } catch (FileAlreadyExistsException taken) {
      return false;
    } catch (UnsupportedOperationException | FileSystemException noLinks) {
      // Some file systems (FAT, some network shares) have no hard links; a move without
      // REPLACE_EXISTING refuses an existing target too.
      if (Files.exists(target)) {
        return false;
      }
      try {
        Files.move(temporary, target);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      }
    }
  }
}
