package io.shipready.store.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells failures worth retrying (a lost connection, a lock, a deadlock) from the rest. */
final class SqlErrors {
  private SqlErrors() {}

  enum Kind {
    /** The database cannot be reached now; retry until it can. */
    CONNECTION,
    /** Another writer got in the way (lock, deadlock, a claim raced); retry a bounded number. */
    CONFLICT,
    /** Retrying would fail the same way. */
    PERMANENT
  }

  static Kind classify(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConcurrentClaimException) {
        return Kind.CONFLICT;
      }
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof java.net.SocketException
          || cause instanceof java.io.EOFException) {
        return Kind.CONNECTION;
      }
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
          if (state.startsWith("08") // connection exception
              || state.equals("57P01") // admin shutdown
              || state.equals("57P02") // crash shutdown
              || state.equals("57P03") // cannot connect now
              || state.equals("53300")) { // too many connections
            return Kind.CONNECTION;
          }
          if (state.equals("40001") // serialization failure
              || state.equals("40P01") // deadlock detected
              || state.equals("55P03")) { // lock not available
            return Kind.CONFLICT;
          }
        }
        String message = String.valueOf(sql.getMessage());
        if (message.contains("SQLITE_BUSY")
            || message.contains("SQLITE_LOCKED")
            || message.contains("database is locked")) {
          return Kind.CONFLICT;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Kind.PERMANENT;
  }

  /**
   * Another writer claimed an identifier between our look-up and our insert: the batch is rolled
   * back and written again, and then sees the other writer's unit.
   */
  static final class ConcurrentClaimException extends RuntimeException {
    ConcurrentClaimException(String what) {
      super(what + " was claimed by another writer at the same moment");
    }
  }
}
