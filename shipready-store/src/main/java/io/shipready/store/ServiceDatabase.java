package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.store.internal.Database;
import io.shipready.store.internal.Engine;
import io.shipready.store.internal.SchemaMigrations;
import io.shipready.store.internal.StoreUrl;
import org.jdbi.v3.core.Jdbi;

/**
 * A database of a service beside the store (the back office), opened from the same kind of URL as
 * the store (a file path, {@code jdbc:sqlite:…} or {@code jdbc:postgresql://…}) with the same pool,
 * SQLite settings (WAL, synchronous FULL, foreign keys, IMMEDIATE write transactions) and
 * migrations, but with its own Flyway scripts and history table.
 *
 * <pre>{@code
 * try (ServiceDatabase db = ServiceDatabase.open(url, "io/shipready/backoffice/migration",
 *     "backoffice_schema_history")) {
 *   db.writeJdbi().useTransaction(handle -> ...);
 * }
 * }</pre>
 */
public final class ServiceDatabase implements AutoCloseable {
  private final Database database;

  private ServiceDatabase(Database database) {
    this.database = database;
  }

  /**
   * Opens the database and runs the scripts under {@code <migrationRoot>/common} and {@code
   * <migrationRoot>/sqlite} or {@code <migrationRoot>/postgresql}.
   *
   * @throws StoreUnavailableException when the URL is not usable or the database cannot be reached
   */
  public static ServiceDatabase open(String url, String migrationRoot, String historyTable) {
    requireNonNull(url, "url");
    return new ServiceDatabase(
        Database.open(StoreUrl.parse(url), new SchemaMigrations(migrationRoot, historyTable)));
  }

  /** For reads, and for writes on PostgreSQL. */
  public Jdbi jdbi() {
    return database.jdbi();
  }

  /** For transactions that write (on SQLite they take the write lock when they begin). */
  public Jdbi writeJdbi() {
    return database.writeJdbi();
  }

  /** The IPC-CFX messages the service, as the endpoint {@code cfxHandle}, has to send. */
  public CfxOutbox cfxOutbox(String cfxHandle) {
    return new CfxOutbox(database, cfxHandle, java.time.Clock.systemUTC());
  }

  public boolean postgres() {
    return database.engine() == Engine.POSTGRES;
  }

  /** The URL as it can be shown: without its password. */
  public String describe() {
    return database.url().described();
  }

  @Override
  public void close() {
    database.close();
  }
}
