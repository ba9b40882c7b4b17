package io.shipready.output.factoryfile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file that only ever grows by whole rows, even when the process is killed in the middle of an
 * append.
 *
 * <p>Each row is written with one write of all its bytes to a file opened for appending, then
 * forced to the disk (fsync) before {@link #append} returns: a row the caller was told about
 * survives a crash or power cut. Should an operating system split a write and a crash land between
 * the parts, the file would end with the first part; {@link #open} finds such a tail (bytes after
 * the last whole row), moves it into {@code <file>.partial-<UTC time>} beside the file, logs it,
 * and cuts the file back to its last whole row. The tail is kept, not deleted, so nothing that was
 * written is lost; an upload that takes the factory file's extension leaves it behind.
 *
 * <p>While open, the file is locked against other processes: a second station process writing the
 * same file is refused instead of interleaving rows.
 */
public final class RowFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RowFile.class);
  private static final DateTimeFormatter ASIDE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path path;
  private final RowSyntax syntax;
  private final FileChannel channel;
  private final FileLock lock;
  private long rows;
  private boolean open = true;

  /** Each row's text (with its row end) and number, to find a row written before. */
  private final Map<String, Long> numbers = new HashMap<>();

  private RowFile(Path path, RowSyntax syntax, FileChannel channel, FileLock lock) {
    this.path = path;
    this.syntax = syntax;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens the file for appending, creating it and its folder when missing; recovers a cut-short
   * last row; writes the header when the file is new and checks it when it is not.
   *
   * @param header the first row of every file of this kind, with its row end; null for none
   * @param clock names the file a cut-short row is moved to
   * @throws FactoryFileException when the file cannot be opened, another process holds it, or it
   *     starts with a different header
   */
  public static RowFile open(Path path, RowSyntax syntax, String header, Clock clock) {
    requireNonNull(path, "path");
    requireNonNull(syntax, "syntax");
    requireNonNull(clock, "clock");
    if (header != null) {
      requireOneRow(syntax, header, "header");
    }
    FileChannel channel = null;
    try {
      Path folder = path.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      boolean existed = Files.exists(path);
      channel = FileChannel.open(path, CREATE, WRITE, APPEND);
      FileLock lock = lock(path, channel);
      if (!existed) {
        syncFolder(folder);
      }
      RowFile file = new RowFile(path, syntax, channel, lock);
      file.recover(header, clock);
      return file;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new FactoryFileException(
          "cannot open factory file "
              + path
              + ": "
              + e
              + "; check the output folder exists and"
              + " can be written",
          e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /**
   * Appends one whole row and forces it to the disk.
   *
   * @param row exactly one row, ending with its row end
   * @return the row's 1-based number in the file, header not counted
   * @throws FactoryFileException when the write fails; the row may or may not be in the file, so
   *     this file is closed and must be opened again, which finds out
   */
  public synchronized long append(String row) {
    requireOneRow(syntax, row, "row");
    if (!open) {
      throw new FactoryFileException(
          "factory file " + path + " is closed; open it again to append");
    }
    ByteBuffer bytes = ByteBuffer.wrap(row.getBytes(UTF_8));
    try {
      // A blocking file channel writes the whole buffer in one call; the loop only guards the
      // contract.
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      close();
      throw new FactoryFileException(
          "could not append a row to factory file "
              + path
              + ": "
              + e
              + "; the file is closed, and opening it again checks what reached the disk",
          e);
    }
    numbers.putIfAbsent(row, rows + 1);
    return ++rows;
  }

  /**
   * The number of the row that is, word for word, {@code row} (with its row end), header not
   * counted; empty when the file has no such row.
   */
  public synchronized OptionalLong rowNumberOf(String row) {
    Long number = numbers.get(requireNonNull(row, "row"));
    return number == null ? OptionalLong.empty() : OptionalLong.of(number);
  }

  /** How many rows the file holds, header not counted. */
  public synchronized long rows() {
    return rows;
  }

  public Path path() {
    return path;
  }

  public synchronized boolean isOpen() {
    return open;
  }

  @Override
  public synchronized void close() {
    if (!open) {
      return;
    }
    open = false;
    try {
      lock.release();
    } catch (IOException e) {
      LOG.debug("Releasing the lock on {} failed; closing the file releases it", path, e);
    }
    closeQuietly(channel);
  }

  private static FileLock lock(Path path, FileChannel channel) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new FactoryFileException(
          "factory file "
              + path
              + " is already open for writing by another station process; run one process per"
              + " station, or give each station its own computerName or output folder");
    }
    return lock;
  }

  /** Finds where the last whole row ends, sets the tail after it aside, checks the header. */
  private void recover(String header, Clock clock) throws IOException {
    Scan scan = scan();
    if (scan.size > scan.endOfLastRow) {
      setAside(scan, clock);
    }
    long records = scan.records;
    indexRows(scan.endOfLastRow, header == null ? 0 : 1);
    if (header == null) {
      rows = records;
      return;
    }
    if (records == 0) {
      channel.write(ByteBuffer.wrap(header.getBytes(UTF_8)));
      channel.force(false);
      rows = 0;
      return;
    }
    byte[] first = read(0, scan.endOfFirstRow);
    if (!Arrays.equals(first, header.getBytes(UTF_8))) {
      close();
      throw new FactoryFileException(
          "factory file "
              + path
              + " starts with the header '"
              + new String(first, UTF_8).strip()
              + "' but this station writes '"
              + header.strip()
              + "'; a file of another layout has the same name. Move it out of the output folder"
              + " (keep it: it holds records) and start again");
    }
    rows = records - 1;
  }

  /** Notes each whole row's text and number, skipping the header rows. */
  private void indexRows(long end, int headerRows) throws IOException {
    byte[] bytes = read(0, end);
    RowSyntax.Scanner scanner = syntax.scanner();
    int start = 0;
    long index = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (scanner.endsRow(bytes[i])) {
        if (index >= headerRows) {
          numbers.putIfAbsent(
              new String(bytes, start, i + 1 - start, UTF_8), index - headerRows + 1);
        }
        index++;
        start = i + 1;
      }
    }
  }

  private record Scan(long size, long endOfLastRow, long endOfFirstRow, long records) {}

  private Scan scan() throws IOException {
    RowSyntax.Scanner scanner = syntax.scanner();
    long position = 0;
    long endOfLastRow = 0;
    long endOfFirstRow = 0;
    long records = 0;
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try (FileChannel reader = FileChannel.open(path, READ)) {
      while (reader.read(buffer) > 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          position++;
          if (scanner.endsRow(buffer.get())) {
            endOfLastRow = position;
            if (records++ == 0) {
              endOfFirstRow = position;
            }
          }
        }
        buffer.clear();
      }
    }
    return new Scan(position, endOfLastRow, endOfFirstRow, records);
  }

  private void setAside(Scan scan, Clock clock) throws IOException {
    byte[] tail = read(scan.endOfLastRow, scan.size);
    Path aside = asidePath(clock);
    try (FileChannel out = FileChannel.open(aside, CREATE_NEW, WRITE)) {
      out.write(ByteBuffer.wrap(tail));
      out.force(true);
    }
    // The tail is safe in its own file before it leaves this one.
    channel.truncate(scan.endOfLastRow);
    channel.force(true);
    LOG.warn(
        "Factory file {} ended with {} bytes of a row that was never finished (the station"
            + " stopped while writing it); moved them to {} and kept the {} whole rows before"
            + " them (a header counts as a row)",
        path,
        tail.length,
        aside.getFileName(),
        scan.records);
  }

  private Path asidePath(Clock clock) throws IOException {
    String base = path.getFileName() + ".partial-" + ASIDE_TIME.format(clock.instant());
    Path aside = path.resolveSibling(base);
    for (int n = 2; Files.exists(aside); n++) {
      aside = path.resolveSibling(base + "-" + n);
    }
    if (Files.exists(aside)) {
      throw new FileAlreadyExistsException(aside.toString());
    }
    return aside;
  }

  private byte[] read(long from, long to) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(to - from));
    try (FileChannel reader = FileChannel.open(path, READ)) {
      while (bytes.hasRemaining() && reader.read(bytes, from + bytes.position()) >= 0) {
        // read until full
      }
    }
    return bytes.array();
  }

  /** Refuses text that is not exactly one row: it would break the file's row boundaries. */
  private static void requireOneRow(RowSyntax syntax, String row, String what) {
    requireNonNull(row, what);
    RowSyntax.Scanner scanner = syntax.scanner();
    byte[] bytes = row.getBytes(UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (scanner.endsRow(bytes[i]) != (i == bytes.length - 1)) {
        throw new IllegalArgumentException(
            what + " must be exactly one row ending with a line feed: " + row);
      }
    }
    if (bytes.length == 0) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  /** Makes a new file's name durable: on Linux the folder entry needs its own fsync. */
  private static void syncFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a folder as a file; it makes the entry durable with the file.
      LOG.debug("Could not sync folder {}", folder, e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("Closing a factory file failed", e);
    }
  }
}
