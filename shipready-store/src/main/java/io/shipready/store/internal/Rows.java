package io.shipready.store.internal;

import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reading columns the same way on both engines (NULLs, timestamps, enums). */
final class Rows {
  private Rows() {}

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Micros.instantOrNull(nullableLong(rs, column));
  }

  static String text(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    return value == null ? "" : value;
  }

  static Outcome outcome(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    return value == null ? null : Outcome.valueOf(value);
  }

  static StepOutcome stepOutcome(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    return value == null ? null : StepOutcome.valueOf(value);
  }
}
