package io.shipready.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Looks into a store's database directly, to check what the API does not show. */
final class Sql {
  private Sql() {}

  static long count(String storeUrl, String query) throws SQLException {
    try (Connection c = connect(storeUrl);
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Runs one statement the way a person at the database's console would (foreign keys on). */
  static void execute(String storeUrl, String sql) throws SQLException {
    try (Connection c = connect(storeUrl);
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect(String storeUrl) throws SQLException {
    if (storeUrl.startsWith("jdbc:")) {
      return DriverManager.getConnection(storeUrl);
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + storeUrl);
    try (Statement statement = c.createStatement()) {
      statement.execute("PRAGMA foreign_keys = ON");
    }
    return c;
  }
}
