package io.shipready.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Prepared statements of one physical connection, each prepared once and kept for the next
 * transactions on that connection (preparing a multi-row insert costs SQLite more than running it).
 * The least recently used are closed past {@value #KEPT}. Used by one thread at a time.
 */
final class Statements implements AutoCloseable {
  static final int KEPT = 256;

  private final Connection connection;
  private final boolean postgres;
  private final Map<String, PreparedStatement> prepared =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= KEPT) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  /**
   * @param connection the physical connection (not a pool's wrapper, which closes its statements
   *     when it is returned)
   */
  Statements(Connection connection) throws SQLException {
    this.connection = connection;
    this.postgres = connection.isWrapperFor(PGConnection.class);
  }

  /** Whether the connection is PostgreSQL's (else SQLite's). */
  boolean postgres() {
    return postgres;
  }

  Connection connection() {
    return connection;
  }

  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
    }
    return statement;
  }

  /** Runs an update with the given parameters; returns the rows it changed. */
  int update(String sql, Object... args) throws SQLException {
    PreparedStatement statement = get(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement.executeUpdate();
  }

  @Override
  public void close() {
    prepared.values().forEach(Statements::closeQuietly);
    prepared.clear();
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // The connection may be gone already; its statements went with it.
    }
  }
}
