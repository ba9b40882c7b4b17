package io.shipready.output.factoryfile;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * How free text (a computer name such as "Linie 3 – Prüfplatz", a programmer or station name)
 * becomes part of a file name that every file system and SFTP server accepts.
 *
 * <p>The encoding: ASCII letters, digits, {@code .} and {@code -} are kept as they are; every other
 * character is written as the percent-encoded bytes of its UTF-8 form, with upper-case hex ({@code
 * _} becomes {@code %5F}, a space {@code %20}, {@code ü} {@code %C3%BC}, {@code %} itself {@code
 * %25}). Because {@code _} is always encoded, it can separate the parts of a file name.
 *
 * <p>Two different names never give one encoded name, and {@link #decode} gives the name back.
 * Decoding accepts only what {@link #encode} writes (upper-case hex, no kept character
 * percent-encoded), so every encoded name has exactly one spelling. Names that differ only in
 * letter case stay distinct, but a case-insensitive file system (Windows, macOS) stores them as one
 * file: give stations that share a folder names that differ in more than case.
 */
public final class FileNameEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FileNameEncoding() {}

  /**
   * @throws IllegalArgumentException for text that is not well-formed Unicode (a lone surrogate)
   */
  public static String encode(String name) {
    Objects.requireNonNull(name, "name");
    ByteBuffer bytes;
    try {
      bytes =
          UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(name));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "'" + name + "' is not well-formed Unicode text (it holds a lone surrogate)", e);
    }
    StringBuilder out = new StringBuilder(bytes.remaining());
    while (bytes.hasRemaining()) {
      int b = bytes.get() & 0xFF;
      if (isKept(b)) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * @throws IllegalArgumentException for text {@link #encode} would not have written
   */
  public static String decode(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c < 0x80 && isKept(c)) {
        bytes.write(c);
      } else if (c == '%'
          && i + 2 < encoded.length()
          && isHex(encoded.charAt(i + 1))
          && isHex(encoded.charAt(i + 2))) {
        int b = Integer.parseInt(encoded.substring(i + 1, i + 3), 16);
        if (isKept(b)) {
          throw notEncoded(
              encoded, "'" + (char) b + "' is written as %" + encoded.substring(i + 1, i + 3));
        }
        bytes.write(b);
        i += 2;
      } else {
        throw notEncoded(encoded, "'" + c + "' at position " + (i + 1) + " is not allowed");
      }
    }
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw notEncoded(encoded, "its bytes are not UTF-8");
    }
  }

  /** True when {@code text} is exactly what {@link #encode} writes for some name. */
  public static boolean isEncoded(String text) {
    try {
      decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isKept(int b) {
    return (b >= 'A' && b <= 'Z')
        || (b >= 'a' && b <= 'z')
        || (b >= '0' && b <= '9')
        || b == '.'
        || b == '-';
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  }

  private static IllegalArgumentException notEncoded(String encoded, String why) {
    return new IllegalArgumentException("'" + encoded + "' is not an encoded name: " + why);
  }
}
