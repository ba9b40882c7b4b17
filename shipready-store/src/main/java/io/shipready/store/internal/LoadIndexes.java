package io.shipready.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secondary indexes of the tables a bulk load fills, dropped for the load and built again after
 * it: sorting millions of rows once is far cheaper than keeping each index up to date row by row
 * (on PostgreSQL most of the load's WAL is index pages). Primary keys and unique constraints stay.
 * Each definition is kept in a table of its own before the index is dropped, so a load that dies
 * midway leaves them there for the next one to build.
 */
final class LoadIndexes {
  private static final Logger log = LoggerFactory.getLogger(LoadIndexes.class);

  private LoadIndexes() {}

  /** Keeps the definitions, then drops the indexes; call with autocommit on. */
  static void drop(Connection c, Engine engine, List<String> tables) throws SQLException {
    createTable(c);
    String in = String.join(", ", tables.stream().map(t -> "'" + t + "'").toList());
    String query =
        engine == Engine.POSTGRES
            ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename IN ("
                + in
                + ") AND indexname NOT IN (SELECT conname FROM pg_constraint)"
            : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                + " AND tbl_name IN ("
                + in
                + ")";
    Map<String, String> definitions = new LinkedHashMap<>();
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        definitions.put(rows.getString(1), rows.getString(2));
      }
    }
    try (PreparedStatement keep =
            c.prepareStatement(
                "INSERT INTO shipready_bench_dropped_indexes (name, definition) VALUES (?, ?)");
        Statement statement = c.createStatement()) {
      for (Map.Entry<String, String> index : definitions.entrySet()) {
        keep.setString(1, index.getKey());
        keep.setString(2, index.getValue());
        keep.executeUpdate();
        statement.execute("DROP INDEX " + index.getKey());
      }
    }
    log.info("dropped {} indexes for the load: {}", definitions.size(), definitions.keySet());
  }

  /** Builds every index a load dropped (this one's, or one that died); call with autocommit on. */
  static void restore(Connection c, Engine engine) throws SQLException {
    createTable(c);
    Map<String, String> definitions = new LinkedHashMap<>();
    try (Statement statement = c.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT name, definition FROM shipready_bench_dropped_indexes")) {
      while (rows.next()) {
        definitions.put(rows.getString(1), rows.getString(2));
      }
    }
    if (definitions.isEmpty()) {
      return;
    }
    try (Statement statement = c.createStatement();
        PreparedStatement done =
            c.prepareStatement("DELETE FROM shipready_bench_dropped_indexes WHERE name = ?")) {
      if (engine == Engine.POSTGRES) {
        statement.execute("SET maintenance_work_mem = '512MB'");
      }
      for (Map.Entry<String, String> index : definitions.entrySet()) {
        long started = System.nanoTime();
        statement.execute(index.getValue());
        done.setString(1, index.getKey());
        done.executeUpdate();
        log.info(
            "built index {} ({} s)",
            index.getKey(),
            Math.round((System.nanoTime() - started) / 1e9));
      }
      if (engine == Engine.POSTGRES) {
        statement.execute("RESET maintenance_work_mem");
      }
    }
  }

  private static void createTable(Connection c) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS shipready_bench_dropped_indexes"
              + " (name TEXT PRIMARY KEY, definition TEXT NOT NULL)");
    }
  }
}
