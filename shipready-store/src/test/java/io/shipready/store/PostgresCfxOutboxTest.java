package io.shipready.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The CFX outbox on PostgreSQL, in a schema of its own; skipped, saying how, without a server. */
class PostgresCfxOutboxTest extends CfxOutboxContract {
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
