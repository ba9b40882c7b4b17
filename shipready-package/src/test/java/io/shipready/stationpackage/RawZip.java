package io.shipready.stationpackage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a ZIP byte by byte, so a test can make the ZIPs an attacker would: directory records that
 * disagree with local headers, names used twice, sizes that lie.
 */
final class RawZip {
  /**
   * One entry.
   *
   * @param localName the name in the local header (normally the same as {@code name})
   * @param data the stored or deflated bytes
   * @param size the unpacked size the headers declare
   * @param localSize the unpacked size the local header declares (normally {@code size})
   */
  record Entry(
      String name, String localName, int method, byte[] data, long crc, long size, long localSize) {
    Entry declaring(long declared, long declaredCrc) {
      return new Entry(name, localName, method, data, declaredCrc, declared, declared);
    }

    Entry withLocalName(String local) {
      return new Entry(name, local, method, data, crc, size, localSize);
    }

    Entry withLocalSize(long local) {
      return new Entry(name, localName, method, data, crc, size, local);
    }

    Entry named(String other) {
      return new Entry(other, other, method, data, crc, size, localSize);
    }
  }

  private RawZip() {}

  static Entry deflated(String name, byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content);
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (OutputStream out = deflater(packed)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Entry(
        name, name, 8, packed.toByteArray(), crc.getValue(), content.length, content.length);
  }

  /** {@code size} zero bytes, deflated to about a thousandth of that: a ZIP bomb's payload. */
  static Entry zeros(String name, long size) {
    CRC32 crc = new CRC32();
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = deflater(packed)) {
      for (long left = size; left > 0; left -= chunk.length) {
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        crc.update(chunk, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Entry(name, name, 8, packed.toByteArray(), crc.getValue(), size, size);
  }

  private static OutputStream deflater(OutputStream out) {
    return new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION, true), 1 << 16);
  }

  static byte[] write(List<Entry> entries) {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    long[] offsets = new long[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      offsets[i] = zip.size();
      byte[] name = entry.localName().getBytes(StandardCharsets.UTF_8);
      ByteBuffer local = header(30 + name.length);
      local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800);
      local.putShort((short) entry.method()).putInt(0);
      sizes(local, entry, entry.localSize())
          .putShort((short) name.length)
          .putShort((short) 0)
          .put(name);
      zip.writeBytes(local.array());
      zip.writeBytes(entry.data());
    }
    long directoryOffset = zip.size();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
      ByteBuffer central = header(46 + name.length);
      central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20);
      central.putShort((short) 0x800).putShort((short) entry.method()).putInt(0);
      sizes(central, entry, entry.size()).putShort((short) name.length).putShort((short) 0);
      central.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0);
      central.putInt((int) offsets[i]).put(name);
      zip.writeBytes(central.array());
    }
    long directorySize = zip.size() - directoryOffset;
    ByteBuffer end = header(22);
    end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
    end.putShort((short) entries.size()).putShort((short) entries.size());
    end.putInt((int) directorySize).putInt((int) directoryOffset).putShort((short) 0);
    zip.writeBytes(end.array());
    return zip.toByteArray();
  }

  private static ByteBuffer sizes(ByteBuffer header, Entry entry, long size) {
    return header.putInt((int) entry.crc()).putInt(entry.data().length).putInt((int) size);
  }

  private static ByteBuffer header(int length) {
    return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
  }
}
