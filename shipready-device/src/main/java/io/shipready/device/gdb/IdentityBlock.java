package io.shipready.device.gdb;

import io.shipready.core.ShipreadyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The identity block the station writes into a unit's flash over the debugger, and the test
 * firmware reports: magic {@code "SRID"}, the text's length, the CRC-32 of the text, then the text,
 * {@code key=value} pairs separated by single spaces; all words little-endian. Values may not
 * contain spaces or {@code =}, so the firmware can print the text as it is.
 */
public final class IdentityBlock {
  static final int MAGIC = 0x44495253;
  static final int HEADER = 12;

  private IdentityBlock() {}

  public static byte[] encode(Map<String, String> fields, int capacity) {
    StringBuilder text = new StringBuilder();
    fields.forEach(
        (key, value) -> {
          if (!key.matches("[A-Za-z0-9_.-]+") || !value.matches("[\\x21-\\x7e&&[^=]]+")) {
            throw new ShipreadyException(
                "identity field "
                    + key
                    + "='"
                    + value
                    + "' cannot go into the identity block: names are letters, digits, _ . -;"
                    + " values are printable, without spaces or '='");
          }
          text.append(text.length() == 0 ? "" : " ").append(key).append('=').append(value);
        });
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    if (bytes.length + HEADER > capacity) {
      throw new ShipreadyException(
          "the identity "
              + text
              + " needs "
              + (bytes.length + HEADER)
              + " bytes; the block holds "
              + capacity);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    ByteBuffer block =
        ByteBuffer.allocate(align4(HEADER + bytes.length)).order(ByteOrder.LITTLE_ENDIAN);
    block.putInt(MAGIC).putInt(bytes.length).putInt((int) crc.getValue()).put(bytes);
    return block.array();
  }

  /** Length of the block that starts with these header bytes, or -1 when there is none. */
  static int length(byte[] header) {
    ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    if (header.length < HEADER || buffer.getInt(0) != MAGIC) {
      return -1;
    }
    int length = buffer.getInt(4);
    return length <= 0 || length > 64 * 1024 ? -1 : HEADER + length;
  }

  /**
   * The fields of a block; empty when there is no block.
   *
   * @throws ShipreadyException when a block is there but its CRC does not match
   */
  public static Map<String, String> decode(byte[] block) {
    int length = length(block);
    if (length < 0) {
      return Map.of();
    }
    if (block.length < length) {
      throw new ShipreadyException("the identity block is cut short");
    }
    ByteBuffer buffer = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
    CRC32 crc = new CRC32();
    crc.update(block, HEADER, length - HEADER);
    if ((int) crc.getValue() != buffer.getInt(8)) {
      throw new ShipreadyException(
          "the identity block's CRC does not match its text; it is corrupt");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    String text = new String(block, HEADER, length - HEADER, StandardCharsets.US_ASCII);
    for (String pair : text.split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return fields;
  }

  private static int align4(int n) {
    return (n + 3) & ~3;
  }
}
