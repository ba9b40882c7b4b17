package io.shipready.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The packing records on PostgreSQL, in a schema of its own. Skipped, saying how to enable it, when
 * no server is given.
 */
class PostgresShipmentsTest extends ShipmentsContract {
  private static String server;
  private static String schema;

  @BeforeAll
  static void chooseSchema() {
    server = Postgres.url();
    schema = Postgres.newSchema();
  }

  @Override
  void assumeAvailable() {
    assumeTrue(server != null, Postgres.HOW_TO_ENABLE);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (server != null && schema != null) {
      Postgres.dropSchema(server, schema);
    }
  }

  @Override
  String url() {
    return Postgres.withSchema(server, schema);
  }
}
