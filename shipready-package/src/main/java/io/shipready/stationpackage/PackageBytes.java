package io.shipready.stationpackage;

import java.io.IOException;
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
   * Unpacks one entry, refusing it when it declares more than {@code limit} bytes, unpacks to more
   * or fewer bytes than it declares, or fails its CRC.
   *
   * @param where names the entry in messages
   */
  static byte[] unpack(ZipDirectory zip, ZipDirectory.Entry entry, long limit, String where) {
    if (entry.size() > limit) {
      throw new PackageException(
          where
              + ": declares "
              + entry.size()
              + " bytes unpacked, more than the "
              + limit
              + " it may hold; refused before unpacking");
    }
    byte[] content = new byte[(int) entry.size()];
    ByteBuffer data = zip.data(entry);
    boolean exact;
    if (entry.method() == ZipDirectory.STORED) {
      exact = data.remaining() == content.length;
      data.get(content, 0, Math.min(content.length, data.remaining()));
    } else {
      exact = inflate(data, content, where);
    }
    CRC32 crc = new CRC32();
    crc.update(content);
    if (!exact || crc.getValue() != entry.crc()) {
      throw new PackageException(
          where
              + ": its data is damaged or cut short (it does not unpack to the "
              + content.length
              + " bytes and CRC it declares); copy the whole file again from the product team");
    }
    return content;
  }

  /** Inflates into {@code content}; whether the data ended exactly there. */
  private static boolean inflate(ByteBuffer data, byte[] content, String where) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data);
      int filled = 0;
      while (filled < content.length && !inflater.finished()) {
        int n = inflater.inflate(content, filled, content.length - filled);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return false;
        }
        filled += n;
      }
      if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
        throw new PackageException(
            where
                + ": unpacks to more than the "
                + content.length
                + " bytes it declares (a ZIP bomb, or a damaged package); refused after "
                + content.length
                + " bytes");
      }
      return inflater.finished() && inflater.getRemaining() == 0;
    } catch (DataFormatException e) {
      return false;
    } finally {
      inflater.end();
    }
  }
}
