package io.shipready.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packing records on PostgreSQL, in a schema of its own. Skipped, saying how to enable it, when
 * no server is given.
 */
class PostgresShipmentsTest extends ShipmentsContract {
  @RegisterExtension static final PostgresSchema db = new PostgresSchema();

  @Override
  void assumeAvailable() {
    db.assumeAvailable();
  }

  @Override
  String url() {
    return db.url();
  }
}
