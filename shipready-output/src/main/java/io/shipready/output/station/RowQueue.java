package io.shipready.output.station;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.output.factoryfile.FactoryFileException;
import io.shipready.output.factoryfile.FileNameEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows a station's runs queued and that are not in a factory file yet, one JSON file each in
 * {@code <output folder>/.rows-queued/}. An entry is on the disk (synced, and its name too) before
 * {@link #add} returns, so a row survives the station being killed between the step that queued it
 * and the stored PASS that lets it into the day's file; the next start settles what is left.
 */
final class RowQueue {
  static final String FOLDER = ".rows-queued";
  private static final Logger LOG = LoggerFactory.getLogger(RowQueue.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUFFIX = ".json";
  private static final String PARTIAL = ".partial";

  private final Path folder;

  RowQueue(Path outputFolder) {
    this.folder = requireNonNull(outputFolder, "outputFolder").resolve(FOLDER);
  }

  /** Keeps the entry durably; returns its file name. */
  String add(QueuedRowEntry entry) {
    String name =
        FileNameEncoding.encode(entry.runId())
            + "_"
            + FileNameEncoding.encode(entry.stepId())
            + SUFFIX;
    Path target = folder.resolve(name);
    Path partial = folder.resolve(name + PARTIAL);
    try {
      Files.createDirectories(folder);
      Files.deleteIfExists(partial);
      try (FileChannel out = FileChannel.open(partial, CREATE_NEW, WRITE)) {
        out.write(ByteBuffer.wrap(JSON.writeValueAsBytes(entry)));
        out.force(true);
      }
      // The whole entry is on the disk before it takes its name: a killed station leaves either
      // no entry or a whole one.
      Files.move(partial, target, ATOMIC_MOVE);
      syncFolder();
      return name;
    } catch (IOException e) {
      throw new FactoryFileException(
          "cannot queue the row of run "
              + entry.runId()
              + " in "
              + folder
              + ": "
              + e
              + "; check the output folder can be written",
          e);
    }
  }

  /** The entries of one run. */
  List<Path> of(String runId) {
    String prefix = FileNameEncoding.encode(runId) + "_";
    return all().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
  }

  /** Every whole entry, oldest name first. */
  List<Path> all() {
    return list(SUFFIX);
  }

  /**
   * Deletes the half-written entries a stopped station left. Never renamed, they were never
   * reported as queued: the step that wrote them did not pass. Only at start, when no step writes.
   */
  void discardPartials() {
    for (Path partial : list(PARTIAL)) {
      remove(partial);
    }
  }

  private List<Path> list(String suffix) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new FactoryFileException("cannot list the queued rows in " + folder + ": " + e, e);
    }
  }

  QueuedRowEntry read(Path entry) {
    try {
      return JSON.readValue(entry.toFile(), QueuedRowEntry.class);
    } catch (IOException e) {
      throw new FactoryFileException(
          "queued row "
              + entry
              + " cannot be read: "
              + e.getMessage()
              + "; move it out of "
              + FOLDER
              + " (keep it, it holds a unit's row) and start again",
          e);
    }
  }

  /** Removes an entry whose row is written, held or dropped. */
  void remove(Path entry) {
    try {
      Files.deleteIfExists(entry);
    } catch (IOException e) {
      // Left behind, it is settled again at the next start, which finds its row already there.
      LOG.warn("Could not remove queued row {}: {}", entry, e.toString());
    }
  }

  private void syncFolder() {
    try (FileChannel dir = FileChannel.open(folder, READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("Could not sync folder {}", folder, e);
    }
  }
}
