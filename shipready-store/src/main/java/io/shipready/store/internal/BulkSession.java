package io.shipready.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection set up for loading many rows fast, put back as it was when closed. On SQLite:
 * commits not synced (the benchmark's synthetic rows are not records anyone needs after a power
 * cut), foreign keys not checked (the loader makes its rows consistent), a large page cache, and
 * prepared batches. On PostgreSQL: rows go in through COPY, commits are not waited on, and, when
 * the user may, foreign-key triggers are skipped ({@code session_replication_role = replica}).
 */
final class BulkSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BulkSession.class);
  private static final int SQLITE_BATCH = 5_000;
  private static final int COPY_BUFFER = 1 << 20;
  private static final long SQLITE_LOAD_CACHE_KIB = 1_048_576;

  private final Connection c;
  private final Engine engine;
  private final Map<String, PreparedStatement> inserts = new HashMap<>();
  private final String restore;

  private BulkSession(Connection c, Engine engine, String restore) {
    this.c = c;
    this.engine = engine;
    this.restore = restore;
  }

  /** Sets the connection up; call with autocommit on (SQLite takes these pragmas only so). */
  static BulkSession begin(Connection c, Engine engine) throws SQLException {
    try (Statement statement = c.createStatement()) {
      if (engine == Engine.SQLITE) {
        String restore =
            "PRAGMA synchronous = "
                + pragma(statement, "synchronous")
                + "; PRAGMA foreign_keys = "
                + pragma(statement, "foreign_keys")
                + "; PRAGMA cache_size = "
                + pragma(statement, "cache_size");
        statement.execute("PRAGMA synchronous = OFF");
        statement.execute("PRAGMA foreign_keys = OFF");
        statement.execute("PRAGMA cache_size = -" + SQLITE_LOAD_CACHE_KIB);
        return new BulkSession(c, engine, restore);
      }
      statement.execute("SET synchronous_commit = off");
      try {
        statement.execute("SET session_replication_role = replica");
      } catch (SQLException notSuperuser) {
        log.info(
            "foreign keys are checked while loading (only a superuser may skip them): {}",
            notSuperuser.getMessage());
      }
      return new BulkSession(c, engine, "RESET synchronous_commit; RESET session_replication_role");
    }
  }

  private static String pragma(Statement statement, String name) throws SQLException {
    try (ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  /** Rows for one table, in the current transaction; closing it sends what is left. */
  interface Table extends AutoCloseable {
    void row(Object... values) throws SQLException, IOException;

    @Override
    void close() throws SQLException, IOException;
  }

  Table table(String name, List<String> columns) throws SQLException {
    String list = String.join(", ", columns);
    if (engine == Engine.POSTGRES) {
      CopyIn copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY " + name + " (" + list + ") FROM STDIN");
      return new CopyTable(copy);
    }
    PreparedStatement insert = inserts.get(name);
    if (insert == null) {
      String marks = String.join(", ", columns.stream().map(column -> "?").toList());
      insert = c.prepareStatement("INSERT INTO " + name + " (" + list + ") VALUES (" + marks + ")");
      inserts.put(name, insert);
    }
    return new BatchTable(insert);
  }

  private static final class BatchTable implements Table {
    private final PreparedStatement insert;
    private int pending;

    BatchTable(PreparedStatement insert) {
      this.insert = insert;
    }

    @Override
    public void row(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      insert.addBatch();
      if (++pending == SQLITE_BATCH) {
        insert.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        pending = 0;
      }
    }
  }

  /** Rows sent in COPY's text format, a megabyte at a time. */
  private static final class CopyTable implements Table {
    private final CopyIn copy;
    private final StringBuilder text = new StringBuilder(COPY_BUFFER + 4096);

    CopyTable(CopyIn copy) {
      this.copy = copy;
    }

    @Override
    public void row(Object... values) throws SQLException {
      CopyText.row(text, values);
      if (text.length() >= COPY_BUFFER) {
        send();
      }
    }

    private void send() throws SQLException {
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      text.setLength(0);
    }

    @Override
    public void close() throws SQLException {
      try {
        if (!text.isEmpty()) {
          send();
        }
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement insert : inserts.values()) {
      insert.close();
    }
    boolean autoCommit = c.getAutoCommit();
    if (!autoCommit) {
      c.rollback();
      c.setAutoCommit(true);
    }
    try (Statement statement = c.createStatement()) {
      for (String sql : restore.split("; ")) {
        statement.execute(sql);
      }
      if (engine == Engine.SQLITE) {
        // Everything loaded is in the WAL: move it into the database file and empty the WAL.
        statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
  }
}
