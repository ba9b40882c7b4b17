package io.shipready.backoffice.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shipready.output.config.StationIdentity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams units into PostgreSQL with one {@code COPY ... FROM STDIN}, the server's fastest way in;
 * constraints (unique identifiers) are checked as the rows arrive, and a violation fails the COPY.
 */
final class CopyUnitSink implements UnitSink, AutoCloseable {
  private static final int BUFFER = 256 * 1024;

  private final CopyIn copy;
  private final String account;
  private final String sha256;
  private final StringBuilder buffer = new StringBuilder(BUFFER + 4096);
  private boolean ended;

  CopyUnitSink(Connection connection, String account, String sha256) throws SQLException {
    this.copy =
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY registered_units (" + COLUMNS + ") FROM STDIN (FORMAT csv)");
    this.account = account;
    this.sha256 = sha256;
  }

  @Override
  public void add(long line, Map<String, String> fields, StationIdentity station)
      throws SQLException {
    Object[] values = UnitSink.values(line, fields, station, account, sha256);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        buffer.append(',');
      }
      appendCsv(buffer, values[i].toString());
    }
    buffer.append('\n');
    if (buffer.length() >= BUFFER) {
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
    if (buffer.length() > 0) {
      byte[] bytes = buffer.toString().getBytes(UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }
  }

  /** PostgreSQL's CSV: quoted always, so an empty string stays an empty string, not NULL. */
  static void appendCsv(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }
}
