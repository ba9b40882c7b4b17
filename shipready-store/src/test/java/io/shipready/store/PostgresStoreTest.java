package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on PostgreSQL, in a schema of its own. Skipped, saying how to enable it, when
 * no server is given.
 */
class PostgresStoreTest extends StoreContract {
  @RegisterExtension static final PostgresSchema db = new PostgresSchema();

  @Override
  void assumeAvailable() {
    db.assumeAvailable();
  }

  @Override
  String url() {
    return db.url();
  }

  @Override
  AutoCloseable holdWrites() throws Exception {
    java.sql.Connection c = java.sql.DriverManager.getConnection(url());
    c.setAutoCommit(false);
    c.createStatement().execute("LOCK TABLE runs IN EXCLUSIVE MODE");
    return c::close;
  }

  @Test
  void knowsItIsPostgres() {
    assertThat(store.postgres()).isTrue();
    assertThat(store.describe()).contains("currentSchema=" + db.schema());
  }
}
