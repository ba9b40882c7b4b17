package io.shipready.backoffice.ingest;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;

/** Why taking in a file failed, which decides what happens to it next. */
enum FailureKind {
  /** The file's own content: rejected once, with the reason, and never tried again. */
  CONTENT,
  /** The database cannot be reached: the claim is given back and ingestion pauses. */
  DATABASE_AWAY,
  /** Anything else (the disk, a fault of the back office): tried again later, a few times. */
  OTHER;

  /** The kind of a failure other than a {@code Rejection}, by the SQL state it carries if any. */
  static FailureKind of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return DATABASE_AWAY;
      }
      if (t instanceof SQLException sql) {
        return of(sql);
      }
    }
    return OTHER;
  }

  private static FailureKind of(SQLException sql) {
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    String message = String.valueOf(sql.getMessage());
    // 08: connection exceptions; 57P0x: the server shutting down or starting; 53300: too many
    // connections. SQLite says so in its message: the file cannot be opened or stays locked.
    if (state.startsWith("08")
        || state.startsWith("57P0")
        || state.equals("53300")
        || message.contains("SQLITE_CANTOPEN")
        || message.contains("SQLITE_BUSY")) {
      return DATABASE_AWAY;
    }
    // 22: data exceptions (a value the column cannot hold); 23: a constraint the rows break.
    if (state.startsWith("22") || state.startsWith("23") || message.contains("SQLITE_CONSTRAINT")) {
      return CONTENT;
    }
    return OTHER;
  }
}
