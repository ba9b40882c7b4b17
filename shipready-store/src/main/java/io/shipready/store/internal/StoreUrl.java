package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the store lives, parsed from what a user wrote: {@code jdbc:sqlite:<path>}, {@code
 * jdbc:postgresql://host:port/db?...} or a plain file path (an SQLite file).
 *
 * @param jdbcUrl the URL to connect with, password included
 * @param described the URL to show people: the password removed
 * @param sqliteFile the database file, for SQLite
 * @param schema the PostgreSQL schema named by {@code currentSchema}, or null
 */
public record StoreUrl(
    Engine engine, String jdbcUrl, String described, Path sqliteFile, String schema) {

  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRES = "jdbc:postgresql:";
  private static final Pattern PASSWORD =
      Pattern.compile("([?&;])password=[^&;]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*:[^/@?]*@");
  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  public StoreUrl {
    requireNonNull(engine, "engine");
    requireNonNull(jdbcUrl, "jdbcUrl");
    requireNonNull(described, "described");
  }

  public static StoreUrl parse(String url) {
    requireNonNull(url, "url");
    String trimmed = url.trim();
    if (trimmed.isEmpty()) {
      throw new StoreUnavailableException(
          "The store URL is empty. Give a file path (e.g. records/shipready.db),"
              + " jdbc:sqlite:<file> or jdbc:postgresql://host:5432/<database>.");
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith(SQLITE)) {
      String rest = trimmed.substring(SQLITE.length());
      int query = rest.indexOf('?');
      String file = query < 0 ? rest : rest.substring(0, query);
      String params = query < 0 ? "" : rest.substring(query);
      if (file.startsWith("file:")) {
        file = file.substring("file:".length());
      }
      return sqlite(file, params, trimmed);
    }
    if (lower.startsWith(POSTGRES)) {
      String described = hidePassword(trimmed);
      return new StoreUrl(Engine.POSTGRES, trimmed, described, null, schemaOf(trimmed, described));
    }
    if (lower.startsWith("jdbc:")) {
      throw new StoreUnavailableException(
          "The store URL "
              + hidePassword(trimmed)
              + " names a database shipready does not support. Use an SQLite file (a path, or"
              + " jdbc:sqlite:<file>) or PostgreSQL (jdbc:postgresql://host:5432/<database>).");
    }
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      throw new StoreUnavailableException(
          "The store URL "
              + hidePassword(trimmed)
              + " is not a JDBC URL. Write PostgreSQL as"
              + " jdbc:postgresql://host:5432/<database>?user=<user>, or give a file path for an"
              + " SQLite file.");
    }
    return sqlite(trimmed, "", trimmed);
  }

  private static StoreUrl sqlite(String file, String params, String original) {
    if (file.isBlank() || file.equals(":memory:") || file.startsWith(":resource:")) {
      throw new StoreUnavailableException(
          "The store URL "
              + original
              + " names no database file. The record must outlive the process: give a file,"
              + " e.g. jdbc:sqlite:records/shipready.db.");
    }
    Path path;
    try {
      path = Path.of(file).toAbsolutePath().normalize();
    } catch (InvalidPathException bad) {
      throw new StoreUnavailableException(
          "The store URL " + original + " is not a usable file path: " + bad.getMessage(), bad);
    }
    if (Files.isDirectory(path)) {
      throw new StoreUnavailableException(
          "The store URL "
              + original
              + " names the folder "
              + path
              + ", not a file. Give a file name inside it, e.g. "
              + path.resolve("shipready.db")
              + ".");
    }
    return new StoreUrl(
        Engine.SQLITE, SQLITE + path + params, hidePassword(SQLITE + path + params), path, null);
  }

  /** Creates the folders an SQLite file goes in. */
  public void createParentFolders() {
    if (sqliteFile == null || sqliteFile.getParent() == null) {
      return;
    }
    try {
      Files.createDirectories(sqliteFile.getParent());
    } catch (IOException cannot) {
      throw new StoreUnavailableException(
          "Cannot create the folder "
              + sqliteFile.getParent()
              + " for the store "
              + described
              + ": "
              + cannot
              + ". Check the path and that this user may write there.",
          cannot);
    }
  }

  static String hidePassword(String url) {
    String hidden = PASSWORD.matcher(url).replaceAll("$1password=***");
    return USER_INFO.matcher(hidden).replaceAll("//***@");
  }

  private static String schemaOf(String url, String described) {
    String schema = params(url).get("currentschema");
    if (schema == null || schema.isEmpty()) {
      return null;
    }
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new StoreUnavailableException(
          "The store URL "
              + described
              + " names the schema '"
              + schema
              + "', which shipready cannot use. Name one schema of letters, digits and"
              + " underscores, e.g. currentSchema=shipready.");
    }
    return schema;
  }

  private static Map<String, String> params(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    int query = url.indexOf('?');
    if (query < 0) {
      return params;
    }
    for (String pair : url.substring(query + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            pair.substring(0, eq).toLowerCase(Locale.ROOT),
            java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  /** Whether the URL sets the given connection parameter (case-insensitive name). */
  public boolean hasParameter(String name) {
    return params(jdbcUrl).containsKey(name.toLowerCase(Locale.ROOT));
  }
}
