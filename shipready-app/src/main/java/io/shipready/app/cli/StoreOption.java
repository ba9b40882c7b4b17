package io.shipready.app.cli;

import picocli.CommandLine.Option;

/**
 * --db, shared by every command that reads or writes records. A station keeps its records in a
 * SQLite file by default; a factory shares one PostgreSQL database between stations and the back
 * office. The environment variable SHIPREADY_DB sets the default, so a password in the URL need not
 * appear on a command line.
 */
public final class StoreOption {
  static final String DEFAULT_FILE = "shipready.db";

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "Records database: a SQLite file path or jdbc:sqlite:PATH, or"
              + " jdbc:postgresql://HOST:PORT/DB (default: $SHIPREADY_DB, else "
              + DEFAULT_FILE
              + ").")
  String url;

  public String url() {
    if (url != null && !url.isBlank()) {
      return url;
    }
    String fromEnvironment = System.getenv("SHIPREADY_DB");
    return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_FILE : fromEnvironment;
  }
}
