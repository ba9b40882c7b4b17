package io.shipready.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The factory-row records on PostgreSQL, in a schema of its own. Skipped, saying how to enable it,
 * when no server is given.
 */
class PostgresFactoryRowRecordsTest extends FactoryRowRecordsContract {
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
