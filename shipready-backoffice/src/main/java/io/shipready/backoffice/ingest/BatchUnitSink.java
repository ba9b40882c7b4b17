package io.shipready.backoffice.ingest;

import io.shipready.output.config.StationIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Inserts units in JDBC batches of {@value #BATCH} rows (one multi-row INSERT per batch on
 * PostgreSQL, where the pool rewrites batched inserts; a reused prepared statement on SQLite).
 */
final class BatchUnitSink implements UnitSink, AutoCloseable {
  static final int BATCH = 1000;

  private final PreparedStatement insert;
  private final String account;
  private final String sha256;
  private int pending;

  BatchUnitSink(Connection connection, String account, String sha256) throws SQLException {
    this.insert =
        connection.prepareStatement(
            "INSERT INTO registered_units ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.account = account;
    this.sha256 = sha256;
  }

  @Override
  public void add(long line, Map<String, String> fields, StationIdentity station)
      throws SQLException {
    Object[] values = UnitSink.values(line, fields, station, account, sha256);
    for (int i = 0; i < values.length - 1; i++) {
      insert.setString(i + 1, (String) values[i]);
    }
    insert.setLong(values.length, line);
    insert.addBatch();
    if (++pending == BATCH) {
      finish();
    }
  }

  @Override
  public void finish() throws SQLException {
    if (pending > 0) {
      insert.executeBatch();
      pending = 0;
    }
  }

  @Override
  public void close() throws SQLException {
    insert.close();
  }
}
