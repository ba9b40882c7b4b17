package io.shipready.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of its own on the test PostgreSQL server for one test class, dropped after it; without a
 * server, tests that ask for it are skipped, saying how to enable them. Register it with
 * {@code @RegisterExtension static final PostgresSchema db = new PostgresSchema();}.
 */
final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {
  private String server;
  private String schema;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = Postgres.url();
    schema = Postgres.newSchema();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      Postgres.dropSchema(server, schema);
    }
  }

  /** Skips the calling test when no server is given. */
  void assumeAvailable() {
    assumeTrue(server != null, Postgres.HOW_TO_ENABLE);
  }

  /** The server's URL with this schema as the current one. */
  String url() {
    return Postgres.withSchema(server, schema);
  }

  String schema() {
    return schema;
  }
}
