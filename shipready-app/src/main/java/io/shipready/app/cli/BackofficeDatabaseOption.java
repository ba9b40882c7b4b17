package io.shipready.app.cli;

import picocli.CommandLine.Option;

/**
 * --db, shared by the back-office commands that use its database (serve, token create), so a token
 * is made in the database the server reads: by default backoffice.db in the data folder.
 */
public final class BackofficeDatabaseOption {
  static final String ENVIRONMENT = "SHIPREADY_BACKOFFICE_DB";

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "Back-office database: a SQLite file path or jdbc:sqlite:PATH, or"
              + " jdbc:postgresql://HOST:PORT/DB (default: $"
              + ENVIRONMENT
              + ", else backoffice.db in the data folder).")
  String db;

  /** The database named by --db, else by the environment, else the data folder's. */
  String url(BackofficeDataOption data) {
    if (db != null && !db.isBlank()) {
      return db;
    }
    String fromEnvironment = System.getenv(ENVIRONMENT);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    return data.data.resolve("backoffice.db").toString();
  }
}
