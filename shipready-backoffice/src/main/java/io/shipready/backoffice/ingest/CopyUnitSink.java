package io.shipready.backoffice.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shipready.output.config.StationIdentity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams units into PostgreSQL with one {@code COPY ... FROM STDIN}, the server's fastest way in;
 * constraints (unique identifiers) are checked as the rows arrive, and a violation fails the COPY.
 *
 * <p>Rows are written in the text format straight into a byte buffer, sent in large chunks: a
 * million rows make no string, array or map of their own on the way.
 */
final class CopyUnitSink implements UnitSink, AutoCloseable {
  private static final int BUFFER = 256 * 1024;

  private final CopyIn copy;
  private final String account;
  private final String sha256;
  private byte[] buffer = new byte[BUFFER + 4096];
  private int length;
  private boolean ended;

  CopyUnitSink(Connection connection, String account, String sha256) throws SQLException {
    this.copy =
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY registered_units (" + COLUMNS + ") FROM STDIN (FORMAT text)");
    this.account = account;
    this.sha256 = sha256;
  }

  @Override
  public void add(long line, Map<String, String> fields, StationIdentity station)
      throws SQLException {
    for (String field : UNIT_FIELDS) {
      appendText(UnitSink.field(line, fields, field));
      append('\t');
    }
    appendText(station.partNo());
    append('\t');
    appendText(station.manufacturer());
    append('\t');
    appendText(station.factory());
    append('\t');
    appendText(station.stationId());
    append('\t');
    appendText(station.hwVersion());
    append('\t');
    appendText(account);
    append('\t');
    appendText(ENABLED);
    append('\t');
    appendText(sha256);
    append('\t');
    appendNumber(line);
    append('\n');
    if (length >= BUFFER) {
      send();
    }
  }

  @Override
  public void finish() throws SQLException {
    send();
    ended = true;
    copy.endCopy();
  }

  @Override
  public void close() throws SQLException {
    if (!ended && copy.isActive()) {
      copy.cancelCopy();
    }
  }

  private void send() throws SQLException {
    if (length > 0) {
      copy.writeToCopy(buffer, 0, length);
      length = 0;
    }
  }

  /**
   * A value in PostgreSQL's text format, which the server parses faster than CSV: a backslash, tab
   * or line break is written as its backslash escape, everything else as its UTF-8 bytes.
   */
  private void appendText(String value) {
    int n = value.length();
    ensure(n);
    int i = 0;
    for (; i < n; i++) {
      // Plain ASCII is written as it is checked, one byte per character.
      char c = value.charAt(i);
      if (c >= 0x80 || c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        break;
      }
      buffer[length + i] = (byte) c;
    }
    length += i;
    if (i < n) {
      appendEscaped(value.substring(i));
    }
  }

  private void appendEscaped(String value) {
    String escaped =
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    byte[] bytes = escaped.getBytes(UTF_8);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void appendNumber(long value) {
    ensure(20);
    if (value < 0) {
      buffer[length++] = '-';
      value = -value;
    }
    int start = length;
    do {
      buffer[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte b = buffer[i];
      buffer[i] = buffer[j];
      buffer[j] = b;
    }
  }

  private void append(char c) {
    ensure(1);
    buffer[length++] = (byte) c;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
