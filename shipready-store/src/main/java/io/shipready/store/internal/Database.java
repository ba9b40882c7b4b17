package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shipready.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connections to one store. Readers share a pool; writers borrow a connection per batch. On
 * SQLite, writers begin their transactions IMMEDIATE (taking the write lock at once, so a batch
 * never fails half-way on a lock upgrade) while readers stay DEFERRED and never block them (WAL).
 */
public final class Database implements AutoCloseable {
  private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;
  private static final SchemaMigrations STORE_SCHEMA =
      new SchemaMigrations("io/shipready/store/migration", "shipready_schema_history");

  /**
   * The IPC-CFX outbox, in every database shipready opens (the store's and the back office's): an
   * endpoint's messages are written in the same transaction as the records they describe. One
   * history table however many schemas share the database, so it is created once.
   */
  private static final SchemaMigrations CFX_SCHEMA =
      new SchemaMigrations("io/shipready/store/cfx-migration", "shipready_cfx_schema_history");

  private final StoreUrl url;
  private final HikariDataSource readPool;
  private final HikariDataSource writePool;
  private final Jdbi jdbi;
  private final Jdbi writeJdbi;

  private Database(StoreUrl url, HikariDataSource readPool, HikariDataSource writePool) {
    this.url = url;
    this.readPool = readPool;
    this.writePool = writePool;
    this.jdbi = Jdbi.create(readPool);
    this.writeJdbi = writePool == readPool ? jdbi : Jdbi.create(writePool);
  }

  /** Connects, and brings the store's schema up to date. */
  public static Database open(StoreUrl url) {
    return open(url, STORE_SCHEMA);
  }

  /** Connects, and brings the given schema up to date. */
  public static Database open(StoreUrl url, SchemaMigrations schema) {
    requireNonNull(url, "url");
    requireNonNull(schema, "schema");
    HikariDataSource readPool = null;
    HikariDataSource writePool = null;
    try {
      if (url.engine() == Engine.SQLITE) {
        url.createParentFolders();
        writePool = pool(url, sqlite(url, SQLiteConfig.TransactionMode.IMMEDIATE), 4);
        migrateAll(url, schema, writePool);
        readPool = pool(url, sqlite(url, SQLiteConfig.TransactionMode.DEFERRED), 4);
      } else {
        readPool = postgresPool(url);
        writePool = readPool;
        migrateAll(url, schema, readPool);
      }
      return new Database(url, readPool, writePool);
    } catch (RuntimeException failed) {
      closeQuietly(readPool);
      if (writePool != readPool) {
        closeQuietly(writePool);
      }
      if (failed instanceof StoreUnavailableException) {
        throw failed;
      }
      throw new StoreUnavailableException(
          "Cannot open the store " + url.described() + ": " + rootMessage(failed) + ". " + fix(url),
          failed);
    }
  }

  private static DataSource sqlite(StoreUrl url, SQLiteConfig.TransactionMode mode) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: the WAL is synced at every commit, so a committed batch survives power loss.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
    config.setCacheSize(-32_768);
    config.setTransactionMode(mode);
    // Keys come back through RETURNING; the driver's own look-up after every insert costs more
    // than the insert.
    config.setGetGeneratedKeys(false);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url.jdbcUrl());
    return dataSource;
  }

  private static HikariDataSource pool(StoreUrl url, DataSource dataSource, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setPoolName("shipready-store");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  private static HikariDataSource postgresPool(StoreUrl url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    config.setPoolName("shipready-store");
    config.setMaximumPoolSize(6);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    if (!url.hasParameter("reWriteBatchedInserts")) {
      // One multi-row INSERT per batch instead of a round trip per row.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    if (!url.hasParameter("connectTimeout")) {
      config.addDataSourceProperty("connectTimeout", "10");
    }
    if (!url.hasParameter("ApplicationName")) {
      config.addDataSourceProperty("ApplicationName", "shipready");
    }
    return new HikariDataSource(config);
  }

  /** The schema's migrations and the outbox's, one process at a time. */
  private static void migrateAll(StoreUrl url, SchemaMigrations schema, DataSource dataSource) {
    try (MigrationLock lock = MigrationLock.take(url.engine(), dataSource)) {
      migrate(url, schema, dataSource);
      migrate(url, CFX_SCHEMA, dataSource);
    } catch (SQLException | FlywayException failed) {
      throw new StoreUnavailableException(
          "Cannot bring the schema of the store "
              + url.described()
              + " up to date: "
              + rootMessage(failed)
              + ". "
              + fix(url),
          failed);
    }
  }

  private static void migrate(StoreUrl url, SchemaMigrations schema, DataSource dataSource) {
    var configuration =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(dataSource)
            .table(schema.historyTable())
            // Several schemas (the store's, the back office's) may share one database, each with
            // its own history table: finding the others' tables is not a reason to stop.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .locations(
                "classpath:" + schema.root() + "/common",
                "classpath:" + schema.root() + "/" + url.engine().migrationFolder());
    if (url.schema() != null) {
      configuration.schemas(url.schema()).createSchemas(true);
    }
    configuration.load().migrate();
  }

  private static String fix(StoreUrl url) {
    if (url.engine() == Engine.SQLITE) {
      return "Check that "
          + url.sqliteFile()
          + " is a shipready SQLite database (or does not exist yet) and that this user may"
          + " write to it and to its folder.";
    }
    return "Check that the PostgreSQL server is running and reachable at the host and port in"
        + " the URL, that the database exists, and that the user and password are right.";
  }

  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.trim();
  }

  private static void closeQuietly(HikariDataSource pool) {
    if (pool != null) {
      pool.close();
    }
  }

  public StoreUrl url() {
    return url;
  }

  public Engine engine() {
    return url.engine();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** For transactions that write (on SQLite they take the write lock when they begin). */
  public Jdbi writeJdbi() {
    return writeJdbi;
  }

  /** A connection for one write transaction; the caller closes it. */
  public Connection writeConnection() throws SQLException {
    return writePool.getConnection();
  }

  /** A connection for reading; the caller closes it. */
  public Connection readConnection() throws SQLException {
    return readPool.getConnection();
  }

  @Override
  public void close() {
    readPool.close();
    if (writePool != readPool) {
      writePool.close();
    }
  }
}
