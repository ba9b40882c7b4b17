package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an SQLite file. */
class SqliteStoreTest extends StoreContract {
  @TempDir static Path folder;

  @Override
  String url() {
    // A plain path whose folders do not exist yet: the store makes them.
    return folder.resolve("records/line-1/shipready.db").toString();
  }

  @Override
  AutoCloseable holdWrites() throws Exception {
    java.sql.Connection c =
        java.sql.DriverManager.getConnection(
            "jdbc:sqlite:" + folder.resolve("records/line-1/shipready.db"));
    c.createStatement().execute("BEGIN IMMEDIATE");
    return c::close;
  }

  @Test
  void theFileIsAnSqliteDatabaseInWalModeWithFullSync() throws Exception {
    Path file = folder.resolve("records/line-1/shipready.db");
    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("SQLite format 3");
    assertThat(store.postgres()).isFalse();
    assertThat(store.describe()).isEqualTo("jdbc:sqlite:" + file.toAbsolutePath());
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = c.createStatement();
        var rows = s.executeQuery("PRAGMA journal_mode")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualToIgnoringCase("wal");
    }
  }
}
