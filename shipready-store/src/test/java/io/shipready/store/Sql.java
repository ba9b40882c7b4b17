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
    String url = storeUrl.startsWith("jdbc:") ? storeUrl : "jdbc:sqlite:" + storeUrl;
    try (Connection c = DriverManager.getConnection(url);
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
