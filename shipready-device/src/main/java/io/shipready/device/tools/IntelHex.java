package io.shipready.device.tools;

import java.nio.charset.StandardCharsets;

/**
 * Writes a binary image as Intel HEX at a start address, for tools that take only HEX files
 * (nrfjprog --program). Data records of 16 bytes, extended linear address records at each 64 KiB
 * boundary, and the end-of-file record.
 */
public final class IntelHex {
  private static final int RECORD_BYTES = 16;

  private IntelHex() {}

  /** True when the bytes already are an Intel HEX file (start with a record mark). */
  public static boolean looksLikeHex(byte[] content) {
    return content.length > 0 && content[0] == ':';
  }

  public static byte[] encode(byte[] binary, long startAddress) {
    if (startAddress < 0 || startAddress + binary.length > 0x1_0000_0000L) {
      throw new IllegalArgumentException(
          "image of " + binary.length + " bytes at " + startAddress + " does not fit 32-bit HEX");
    }
    StringBuilder hex = new StringBuilder(binary.length * 3);
    long upper = -1;
    for (int offset = 0; offset < binary.length; ) {
      long address = startAddress + offset;
      if ((address >>> 16) != upper) {
        upper = address >>> 16;
        record(hex, 0, 0x04, new byte[] {(byte) (upper >>> 8), (byte) upper});
      }
      int untilBoundary = (int) (0x10000 - (address & 0xFFFF));
      int length = Math.min(Math.min(RECORD_BYTES, binary.length - offset), untilBoundary);
      byte[] data = new byte[length];
      System.arraycopy(binary, offset, data, 0, length);
      record(hex, (int) (address & 0xFFFF), 0x00, data);
      offset += length;
    }
    record(hex, 0, 0x01, new byte[0]);
    return hex.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void record(StringBuilder hex, int address, int type, byte[] data) {
    int sum = data.length + (address >>> 8) + (address & 0xFF) + type;
    hex.append(':').append(String.format("%02X%04X%02X", data.length, address, type));
    for (byte b : data) {
      hex.append(String.format("%02X", b & 0xFF));
      sum += b & 0xFF;
    }
    hex.append(String.format("%02X", (-sum) & 0xFF)).append('\n');
  }
}
