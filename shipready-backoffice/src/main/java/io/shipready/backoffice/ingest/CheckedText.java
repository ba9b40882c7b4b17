package io.shipready.backoffice.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shipready.output.factoryfile.FactoryFileLineException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a factory file's bytes on their way to its reader, before anything reaches the database:
 * no control characters (a NUL byte, for one, cannot be stored in PostgreSQL text), no field longer
 * than {@value #MAX_FIELD_CHARS} characters and no line longer than {@value #MAX_LINE_BYTES} bytes,
 * so no reader ever holds an unbounded line. Factory files are CSV rows under a header row; a fault
 * names its line and, past the header, the header's name of the field.
 */
final class CheckedText extends FilterInputStream {
  static final int MAX_LINE_BYTES = 64 * 1024;
  static final int MAX_FIELD_CHARS = 256;

  private final List<String> header = new ArrayList<>();
  private final ByteArrayOutputStream headerField = new ByteArrayOutputStream();
  private int line = 1;
  private int lineBytes;
  private int fieldChars;
  private int column;
  private boolean quoted;

  CheckedText(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      int b = buffer[offset + i] & 0xFF;
      // Most bytes are printable ASCII inside a field past the header: only counted.
      if (b > 0x20 && b < 0x7F && b != '"' && b != ',' && line > 1) {
        if (++lineBytes > MAX_LINE_BYTES) {
          throw lineTooLong();
        }
        if (++fieldChars > MAX_FIELD_CHARS) {
          throw fieldTooLong();
        }
      } else {
        check(b);
      }
    }
    return n;
  }

  /** Skipped bytes are read and checked too, so nothing passes unseen. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  private void check(int b) {
    if (b == '\n') {
      if (!quoted) {
        endField();
        column = 0;
      }
      line++;
      lineBytes = 0;
      return;
    }
    if (++lineBytes > MAX_LINE_BYTES) {
      throw lineTooLong();
    }
    if (b == '\r') {
      return;
    }
    if ((b < 0x20 && b != '\t') || b == 0x7F) {
      throw new FactoryFileLineException(
          line,
          field(),
          (b == 0 ? "a NUL byte (0x00)" : String.format("a control character (0x%02X)", b))
              + " in the text; factory files hold printable text only: write the value without it"
              + " and send the file again under a new name");
    }
    if (b == '"') {
      quoted = !quoted;
      return;
    }
    if (b == ',' && !quoted) {
      endField();
      column++;
      return;
    }
    if (line == 1) {
      headerField.write(b);
    }
    if ((b & 0xC0) != 0x80 && ++fieldChars > MAX_FIELD_CHARS) {
      // Counted once per character: UTF-8 continuation bytes are not.
      throw fieldTooLong();
    }
  }

  private FactoryFileLineException lineTooLong() {
    return new FactoryFileLineException(
        line,
        null,
        "the line is longer than "
            + MAX_LINE_BYTES / 1024
            + " KiB; a factory file has one short row per unit, each ended by a line break");
  }

  private FactoryFileLineException fieldTooLong() {
    return new FactoryFileLineException(
        line,
        field(),
        "the field is longer than "
            + MAX_FIELD_CHARS
            + " characters; no value of a factory file is that long");
  }

  private void endField() {
    if (line == 1) {
      header.add(headerField.toString(UTF_8).strip());
      headerField.reset();
    }
    fieldChars = 0;
  }

  /** The field at fault as the header names it; null on the header itself. */
  private String field() {
    if (line == 1 || header.isEmpty()) {
      return null;
    }
    return column < header.size() ? header.get(column) : "column " + (column + 1);
  }
}
