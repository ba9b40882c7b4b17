package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a provisioning run has done, one line per operation, appended and flushed to disk before the
 * operation counts as done. A run started again over the same journal skips every operation in it,
 * so a crash costs at most the operations that were in flight (which the server answers as already
 * done). Flushes are shared: many workers finishing at once wait for one disk flush (a flush takes
 * milliseconds, and one per operation would cap the client below the API's limit).
 *
 * <p>A line is {@code product TAB operation TAB target TAB detail}; a last line cut short by a
 * crash is dropped on opening.
 */
public final class Journal implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final Set<String> done = ConcurrentHashMap.newKeySet();
  private final Object flushLock = new Object();
  private long written;
  private volatile long flushed;

  private Journal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (or creates) the journal and reads what it holds. */
  public static Journal open(Path file) {
    requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Journal journal = new Journal(file, channel);
      journal.load();
      return journal;
    } catch (IOException failed) {
      throw new ProvisionInputException(
          "Journal " + file + " cannot be opened: " + failed.getMessage(), failed);
    }
  }

  private void load() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        done.add(line);
      }
    }
    // Drop a torn last line so the next record starts on a line of its own.
    channel.truncate(end);
    channel.position(end);
  }

  public Path file() {
    return file;
  }

  public boolean isDone(String product, String operation, String target, String detail) {
    return done.contains(key(product, operation, target, detail));
  }

  /** How many operations the journal holds. */
  public int size() {
    return done.size();
  }

  /** Records an operation as done; returns once the record is on disk. */
  public void record(String product, String operation, String target, String detail) {
    String key = key(product, operation, target, detail);
    long mine;
    try {
      synchronized (this) {
        channel.write(ByteBuffer.wrap((key + "\n").getBytes(StandardCharsets.UTF_8)));
        mine = ++written;
      }
      synchronized (flushLock) {
        if (flushed < mine) {
          long upTo;
          synchronized (this) {
            upTo = written;
          }
          channel.force(false);
          flushed = upTo;
        }
      }
    } catch (IOException failed) {
      throw new UncheckedIOException("Journal " + file + " cannot be written", failed);
    }
    done.add(key);
  }

  /** Every record, for tests and for counting. */
  public List<String> records() {
    return List.copyOf(done);
  }

  private static String key(String product, String operation, String target, String detail) {
    return String.join("\t", product, operation, target, detail == null ? "" : detail);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Every record was flushed when it was written.
    }
  }
}
