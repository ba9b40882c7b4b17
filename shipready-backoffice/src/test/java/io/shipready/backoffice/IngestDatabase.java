package io.shipready.backoffice;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.store.ServiceDatabase;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A back-office database for an ingestion test run on both kinds: a SQLite file in the test's
 * folder, or a schema of its own on the PostgreSQL server {@link Postgres} names (the test is
 * skipped, saying how to run it, when none is given). Closing drops the schema.
 */
final class IngestDatabase implements AutoCloseable {
  static final String SQLITE = "sqlite";
  static final String POSTGRESQL = "postgresql";

  final String url;
  private final String server;
  private final String schema;

  private IngestDatabase(String url, String server, String schema) {
    this.url = url;
    this.server = server;
    this.schema = schema;
  }

  static IngestDatabase of(String kind, Path folder) {
    if (kind.equals(SQLITE)) {
      return new IngestDatabase(folder.resolve("backoffice.db").toString(), null, null);
    }
    String server = Postgres.url();
    assumeTrue(server != null, Postgres.HOW_TO_ENABLE);
    String schema = Postgres.newSchema();
    return new IngestDatabase(Postgres.withSchema(server, schema), server, schema);
  }

  ServiceDatabase open() {
    return ServiceDatabase.open(url, BackofficeServer.MIGRATIONS, BackofficeServer.HISTORY_TABLE);
  }

  @Override
  public void close() throws SQLException {
    if (schema != null) {
      Postgres.dropSchema(server, schema);
    }
  }
}
