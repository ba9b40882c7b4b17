package io.shipready.backoffice;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server the tests may use: its URL comes from the system property {@value
 * #PROPERTY} or the environment variable {@value #ENVIRONMENT}. Each test gets a schema of its own,
 * dropped afterwards.
 */
final class Postgres {
  static final String PROPERTY = "shipready.test.postgres.url";
  static final String ENVIRONMENT = "SHIPREADY_TEST_POSTGRES_URL";
  static final String HOW_TO_ENABLE =
      "PostgreSQL tests are skipped: no server given. Run them with -D"
          + PROPERTY
          + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres (or set "
          + ENVIRONMENT
          + ").";

  private Postgres() {}

  /** The server's URL, or null when none is given. */
  static String url() {
    String url = System.getProperty(PROPERTY);
    if (url == null || url.isBlank()) {
      url = System.getenv(ENVIRONMENT);
    }
    return url == null || url.isBlank() ? null : url.trim();
  }

  static String newSchema() {
    return "backoffice_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static String withSchema(String url, String schema) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void dropSchema(String url, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement statement = c.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
