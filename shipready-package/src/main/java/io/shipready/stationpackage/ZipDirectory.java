package io.shipready.stationpackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The central directory of a package's ZIP, read and checked before any entry is inflated: the file
 * ends where the directory says (so a package cut short is refused), every entry's local header
 * agrees with its directory record, entries follow one another without gaps or overlaps (so no
 * hidden or shared data), names are unique and stay inside the package. Only what a package built
 * by shipready uses is accepted: stored or deflated entries, no encryption, no ZIP64.
 */
final class ZipDirectory {
  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_DIRECTORY = 0x06054b50;
  private static final int DATA_DESCRIPTOR = 0x08074b50;
  private static final int LOCAL_HEADER_BYTES = 30;
  private static final int CENTRAL_HEADER_BYTES = 46;
  private static final int END_BYTES = 22;
  private static final int FLAG_ENCRYPTED = 1;
  private static final int FLAG_DATA_DESCRIPTOR = 1 << 3;
  static final int STORED = 0;
  static final int DEFLATED = 8;

  /**
   * One entry as its directory record declares it.
   *
   * @param dataOffset where its (compressed) data starts in the ZIP
   */
  record Entry(
      String name, int method, long crc, long compressedSize, long size, long dataOffset) {}

  private final String source;
  private final ByteBuffer zip;
  private final Map<String, Entry> entries;

  private ZipDirectory(String source, ByteBuffer zip, Map<String, Entry> entries) {
    this.source = source;
    this.zip = zip;
    this.entries = entries;
  }

  /** The entries by name, in directory order. */
  Map<String, Entry> entries() {
    return entries;
  }

  /** The compressed bytes of an entry, as a view of the ZIP. */
  ByteBuffer data(Entry entry) {
    return zip.slice((int) entry.dataOffset(), (int) entry.compressedSize())
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  String source() {
    return source;
  }

  /**
   * Reads and checks the directory of a ZIP.
   *
   * @param source names the package in messages
   */
  static ZipDirectory read(String source, ByteBuffer bytes) {
    ByteBuffer zip = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (zip.limit() < END_BYTES || zip.getInt(0) != LOCAL_HEADER) {
      throw new PackageException(
          source + ": not a station package (not a ZIP file); give the .srpkg file as built");
    }
    int end = endOfDirectory(source, zip);
    if (zip.getShort(end + 4) != 0
        || zip.getShort(end + 6) != 0
        || zip.getShort(end + 8) != zip.getShort(end + 10)) {
      throw new PackageException(source + ": a ZIP split over several files is not a package");
    }
    int count = Short.toUnsignedInt(zip.getShort(end + 10));
    long directorySize = Integer.toUnsignedLong(zip.getInt(end + 12));
    long directoryOffset = Integer.toUnsignedLong(zip.getInt(end + 16));
    if (count == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
      throw new PackageException(source + ": ZIP64 is not used by station packages; refused");
    }
    if (directoryOffset + directorySize != end) {
      throw cutShort(source, "the central directory is not where its end record says");
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<long[]> spans = new ArrayList<>();
    int at = (int) directoryOffset;
    for (int i = 0; i < count; i++) {
      if (at + CENTRAL_HEADER_BYTES > end || zip.getInt(at) != CENTRAL_HEADER) {
        throw cutShort(source, "directory record " + (i + 1) + " of " + count + " is damaged");
      }
      int flags = Short.toUnsignedInt(zip.getShort(at + 8));
      int method = Short.toUnsignedInt(zip.getShort(at + 10));
      long crc = Integer.toUnsignedLong(zip.getInt(at + 16));
      long compressed = Integer.toUnsignedLong(zip.getInt(at + 20));
      long size = Integer.toUnsignedLong(zip.getInt(at + 24));
      int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
      long localOffset = Integer.toUnsignedLong(zip.getInt(at + 42));
      int next = at + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
      if (next > end) {
        throw cutShort(source, "directory record " + (i + 1) + " runs past the directory");
      }
      byte[] nameBytes = new byte[nameLength];
      zip.get(at + CENTRAL_HEADER_BYTES, nameBytes);
      String name = name(source, nameBytes);
      String where = source + ": entry " + name;
      PackagePaths.check(name, where);
      if (entries.containsKey(name)) {
        throw new PackageException(where + " appears twice; the package is refused");
      }
      if ((flags & FLAG_ENCRYPTED) != 0 || (method != STORED && method != DEFLATED)) {
        throw new PackageException(
            where + ": ZIP encryption or compression method " + method + " is not a package's");
      }
      if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
        throw new PackageException(where + ": ZIP64 is not used by station packages; refused");
      }
      long dataOffset =
          localHeader(where, zip, localOffset, nameBytes, flags, method, crc, compressed, size);
      long dataEnd = dataOffset + compressed;
      if (dataEnd > directoryOffset) {
        throw cutShort(source, "entry " + name + " runs into the central directory");
      }
      long spanEnd = dataEnd + descriptor(where, zip, flags, dataEnd, crc, compressed, size);
      spans.add(new long[] {localOffset, spanEnd});
      entries.put(name, new Entry(name, method, crc, compressed, size, dataOffset));
      at = next;
    }
    if (at != end) {
      throw cutShort(source, "the central directory holds more than its " + count + " records");
    }
    checkContiguous(source, spans, directoryOffset);
    return new ZipDirectory(source, zip, entries);
  }

  /** The end record, which must close the file: anything cut off or appended is refused. */
  private static int endOfDirectory(String source, ByteBuffer zip) {
    int last = zip.limit() - END_BYTES;
    for (int at = last; at >= Math.max(0, last - 0xFFFF); at--) {
      if (zip.getInt(at) == END_OF_DIRECTORY
          && at + END_BYTES + Short.toUnsignedInt(zip.getShort(at + 20)) == zip.limit()) {
        return at;
      }
    }
    throw cutShort(source, "its end (the ZIP's central directory) is missing");
  }

  /** Checks the local header against the directory record; returns where the data starts. */
  private static long localHeader(
      String where,
      ByteBuffer zip,
      long offset,
      byte[] name,
      int flags,
      int method,
      long crc,
      long compressed,
      long size) {
    if (offset + LOCAL_HEADER_BYTES > zip.limit() || zip.getInt((int) offset) != LOCAL_HEADER) {
      throw new PackageException(where + ": no local header where the directory points");
    }
    int at = (int) offset;
    int localFlags = Short.toUnsignedInt(zip.getShort(at + 6));
    int localMethod = Short.toUnsignedInt(zip.getShort(at + 8));
    int nameLength = Short.toUnsignedInt(zip.getShort(at + 26));
    int extraLength = Short.toUnsignedInt(zip.getShort(at + 28));
    long dataOffset = offset + LOCAL_HEADER_BYTES + nameLength + extraLength;
    byte[] localName = new byte[nameLength];
    boolean fits = dataOffset <= zip.limit();
    if (fits) {
      zip.get(at + LOCAL_HEADER_BYTES, localName);
    }
    boolean same =
        fits
            && Arrays.equals(name, localName)
            && localFlags == flags
            && localMethod == method
            && ((flags & FLAG_DATA_DESCRIPTOR) != 0
                || (Integer.toUnsignedLong(zip.getInt(at + 14)) == crc
                    && Integer.toUnsignedLong(zip.getInt(at + 18)) == compressed
                    && Integer.toUnsignedLong(zip.getInt(at + 22)) == size));
    if (!same) {
      throw new PackageException(
          where
              + ": its local header differs from the central directory (name, method or sizes);"
              + " the package is refused");
    }
    return dataOffset;
  }

  /** The length of the data descriptor after an entry's data, checked against the directory. */
  private static int descriptor(
      String where, ByteBuffer zip, int flags, long at, long crc, long compressed, long size) {
    if ((flags & FLAG_DATA_DESCRIPTOR) == 0) {
      return 0;
    }
    int start = (int) at;
    int skip = start + 4 <= zip.limit() && zip.getInt(start) == DATA_DESCRIPTOR ? 4 : 0;
    if (start + skip + 12 > zip.limit()
        || Integer.toUnsignedLong(zip.getInt(start + skip)) != crc
        || Integer.toUnsignedLong(zip.getInt(start + skip + 4)) != compressed
        || Integer.toUnsignedLong(zip.getInt(start + skip + 8)) != size) {
      throw new PackageException(
          where + ": its data descriptor differs from the central directory; refused");
    }
    return skip + 12;
  }

  /** Entries must tile the file from its start to the directory: no gaps, no shared data. */
  private static void checkContiguous(String source, List<long[]> spans, long directoryOffset) {
    spans.sort(Comparator.comparingLong(span -> span[0]));
    long expected = 0;
    for (long[] span : spans) {
      if (span[0] != expected) {
        throw new PackageException(
            source
                + ": ZIP entries overlap or leave hidden bytes between them (at offset "
                + Math.min(span[0], expected)
                + "); the package is refused");
      }
      expected = span[1];
    }
    if (expected != directoryOffset) {
      throw new PackageException(
          source + ": bytes that belong to no entry before the central directory; refused");
    }
  }

  private static String name(String source, byte[] bytes) {
    try {
      CharBuffer decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return decoded.toString();
    } catch (CharacterCodingException e) {
      throw new PackageException(source + ": an entry name is not UTF-8; refused");
    }
  }

  private static PackageException cutShort(String source, String what) {
    return new PackageException(
        source
            + ": the package is cut short or damaged ("
            + what
            + "); copy the whole file again from the product team");
  }
}
