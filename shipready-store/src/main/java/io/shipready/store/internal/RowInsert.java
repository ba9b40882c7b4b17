package io.shipready.store.internal;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * An INSERT of many rows sent as multi-row {@code VALUES} statements: one statement per 64 rows
 * costs far less than one per row, on both engines. The rows of one call must not share a key when
 * the statement ends in {@code ON CONFLICT ... DO UPDATE}.
 */
final class RowInsert {
  static final int ROWS_PER_STATEMENT = 64;

  static final int TEXT = Types.VARCHAR;
  static final int BIGINT = Types.BIGINT;
  static final int INT = Types.INTEGER;
  static final int DOUBLE = Types.DOUBLE;

  /** Rows from which PostgreSQL takes them through COPY rather than INSERT. */
  static final int COPY_FROM_ROWS = 64;

  private final String copy;
  private final String head;
  private final String tuple;
  private final String tail;
  private final int[] types;

  /**
   * @param table the table
   * @param columns its columns, comma separated, in the order rows give them
   * @param types each column's SQL type (used to bind NULLs)
   * @param tail what follows the values, e.g. an {@code ON CONFLICT} clause, or ""
   */
  RowInsert(String table, String columns, int[] types, String tail) {
    this.head = "INSERT INTO " + table + " (" + columns + ") VALUES ";
    this.copy = tail.isEmpty() ? "COPY " + table + " (" + columns + ") FROM STDIN" : null;
    this.tuple = "(" + "?, ".repeat(types.length - 1) + "?)";
    this.tail = tail;
    this.types = types.clone();
  }

  String sql(int rows) {
    StringBuilder sql = new StringBuilder(head.length() + rows * (tuple.length() + 2) + 200);
    sql.append(head);
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(tuple);
    }
    return sql.append(tail).toString();
  }

  /**
   * Inserts the rows. The statements go as one JDBC batch, so PostgreSQL gets them in one round
   * trip; many rows of a plain insert go to PostgreSQL through COPY, which costs the server far
   * less per row than INSERT does. Use {@link #count} where the rows written must be known.
   */
  void execute(Statements statements, List<Object[]> rows) throws SQLException {
    if (copy != null && rows.size() >= COPY_FROM_ROWS && statements.postgres()) {
      copy(statements, rows);
      return;
    }
    PreparedStatement full = null;
    int from = 0;
    for (; rows.size() - from >= ROWS_PER_STATEMENT; from += ROWS_PER_STATEMENT) {
      full = full == null ? statements.get(sql(ROWS_PER_STATEMENT)) : full;
      bindRows(full, rows.subList(from, from + ROWS_PER_STATEMENT));
      full.addBatch();
    }
    if (full != null) {
      full.executeBatch();
    }
    if (from < rows.size()) {
      PreparedStatement rest = statements.get(sql(rows.size() - from));
      bindRows(rest, rows.subList(from, rows.size()));
      rest.executeUpdate();
    }
  }

  private void copy(Statements statements, List<Object[]> rows) throws SQLException {
    StringBuilder text = new StringBuilder(rows.size() * 96);
    for (Object[] row : rows) {
      CopyText.row(text, row);
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    CopyIn in = statements.connection().unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
    try {
      in.writeToCopy(bytes, 0, bytes.length);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /** Inserts the rows and returns how many the database wrote (fewer when some conflicted). */
  int count(Statements statements, List<Object[]> rows) throws SQLException {
    int written = 0;
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      int count = Math.min(ROWS_PER_STATEMENT, rows.size() - from);
      PreparedStatement statement = statements.get(sql(count));
      bindRows(statement, rows.subList(from, from + count));
      written += statement.executeUpdate();
    }
    return written;
  }

  /** Reads each row the statement returns (its tail is a RETURNING clause). */
  interface Returned {
    void row(ResultSet row) throws SQLException;
  }

  /** Inserts the rows of a statement ending in RETURNING, and hands on each row returned. */
  void returning(Statements statements, List<Object[]> rows, Returned returned)
      throws SQLException {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      int count = Math.min(ROWS_PER_STATEMENT, rows.size() - from);
      PreparedStatement statement = statements.get(sql(count));
      bindRows(statement, rows.subList(from, from + count));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          returned.row(result);
        }
      }
    }
  }

  private void bindRows(PreparedStatement statement, List<Object[]> rows) throws SQLException {
    int index = 1;
    for (Object[] row : rows) {
      for (int column = 0; column < types.length; column++) {
        bind(statement, index++, types[column], row[column]);
      }
    }
  }

  private static void bind(PreparedStatement statement, int index, int type, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, type);
    } else if (value instanceof Long l) {
      statement.setLong(index, l);
    } else if (value instanceof Integer n) {
      statement.setInt(index, n);
    } else if (value instanceof Double d) {
      statement.setDouble(index, d);
    } else {
      statement.setString(index, (String) value);
    }
  }
}
