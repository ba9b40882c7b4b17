package io.shipready.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Held while one process brings the shared database's schemas up to date. Stations of a line are
 * often started together against a new PostgreSQL database; without it two of them would both find
 * no history table, and the second would fail to make the one the first just made. On PostgreSQL it
 * is a session advisory lock (released with its connection, should the process die); SQLite's own
 * write lock already serializes its writers.
 */
final class MigrationLock implements AutoCloseable {
  // Any fixed number: every shipready process that migrates takes the same one.
  private static final long KEY = 0x5348_4950_5245_4459L;

  private final Connection connection;

  private MigrationLock(Connection connection) {
    this.connection = connection;
  }

  static MigrationLock take(Engine engine, DataSource dataSource) throws SQLException {
    if (engine != Engine.POSTGRES) {
      return new MigrationLock(null);
    }
    Connection connection = dataSource.getConnection();
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
      lock.setLong(1, KEY);
      lock.execute();
      return new MigrationLock(connection);
    } catch (SQLException | RuntimeException failed) {
      connection.close();
      throw failed;
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection == null) {
      return;
    }
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
    } finally {
      connection.close();
    }
  }
}
