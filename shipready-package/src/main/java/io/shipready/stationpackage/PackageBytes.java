package io.shipready.stationpackage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A package file's bytes, and its entries unpacked no further than they declare: a ZIP bomb is
 * refused at the first byte past its declared size, never unpacked into memory.
 */
final class PackageBytes {
  /** No package file is larger; one claiming more is refused before it is read. */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE;

  private static final int BUFFER_BYTES = 64 * 1024;

  private PackageBytes() {}

  /** The file's bytes, mapped rather than copied: only what is checked is ever touched. */
  static ByteBuffer load(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > MAX_FILE_BYTES) {
        throw new PackageException(
            file + ": " + size + " bytes, larger than any station package; refused");
      }
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (NoSuchFileException missing) {
      throw new PackageException("package " + file + " not found");
    } catch (IOException e) {
      throw new PackageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The whole buffer as an array (a sealed package is decrypted in one piece). */
  static byte[] array(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return copy;
  }

  /**
   * Unpacks one small entry into memory; see {@link #unpack(ZipDirectory, ZipDirectory.Entry, long,
   * String, OutputStream)}.
   */
  static byte[] unpack(ZipDirectory zip, ZipDirectory.Entry entry, long limit, String where) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    unpack(zip, entry, limit, where, content);
    return content.toByteArray();
  }

  /**
   * Unpacks one entry into {@code sink} a buffer at a time, refusing it when it declares more than
   * {@code limit} bytes, unpacks to more or fewer bytes than it declares, or fails its CRC. Not a
   * byte beyond the declared size reaches the sink.
   *
   * @param where names the entry in messages
   */
  static void unpack(
      ZipDirectory zip, ZipDirectory.Entry entry, long limit, String where, OutputStream sink) {
    if (entry.size() > limit) {
      throw new PackageException(
          where
              + ": declares "
              + entry.size()
              + " bytes unpacked, more than the "
              + limit
              + " it may hold; refused before unpacking");
    }
    ByteBuffer data = zip.data(entry);
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[BUFFER_BYTES];
    long written = 0;
    Inflater inflater = entry.method() == ZipDirectory.STORED ? null : new Inflater(true);
    try {
      if (inflater != null) {
        inflater.setInput(data);
      }
      while (inflater == null ? data.hasRemaining() : !inflater.finished()) {
        int n;
        if (inflater == null) {
          n = Math.min(buffer.length, data.remaining());
          data.get(buffer, 0, n);
        } else {
          n = inflater.inflate(buffer);
          if (n == 0 && !inflater.finished()) {
            throw damaged(where, entry);
          }
        }
        written += n;
        if (written > entry.size()) {
          throw new PackageException(
              where
                  + ": unpacks to more than the "
                  + entry.size()
                  + " bytes it declares (a ZIP bomb, or a damaged package); refused there");
        }
        crc.update(buffer, 0, n);
        sink.write(buffer, 0, n);
      }
      if ((inflater != null && inflater.getRemaining() != 0)
          || written != entry.size()
          || crc.getValue() != entry.crc()) {
        throw damaged(where, entry);
      }
    } catch (DataFormatException e) {
      throw damaged(where, entry);
    } catch (IOException e) {
      throw new PackageException(where + ": cannot unpack: " + e.getMessage(), e);
    } finally {
      if (inflater != null) {
        inflater.end();
      }
    }
  }

  private static PackageException damaged(String where, ZipDirectory.Entry entry) {
    return new PackageException(
        where
            + ": its data is damaged or cut short (it does not unpack to the "
            + entry.size()
            + " bytes and CRC it declares); copy the whole file again from the product team");
  }
}
