package io.shipready.app.bench;

/**
 * Where {@code bench store} puts the bare writer's tables: a database of its own beside the
 * store's, so the two writers never share pages, locks or indexes.
 */
public final class BareWriterPlace {
  /** The PostgreSQL schema the bare writer's tables are made in. */
  public static final String SCHEMA = "shipready_bench_bare";

  private BareWriterPlace() {}

  /** The SQLite file beside the store's, named after it: bench.db gives bench-bare.db. */
  public static String sqlite(String file) {
    String path = file.startsWith("jdbc:sqlite:") ? file.substring("jdbc:sqlite:".length()) : file;
    int query = path.indexOf('?');
    String name = query < 0 ? path : path.substring(0, query);
    String base = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    return base + "-bare.db";
  }

  /** The same PostgreSQL database, with {@value #SCHEMA} as the current schema. */
  public static String postgres(String url) {
    String without = url.replaceAll("([?&])currentSchema=[^&]*&?", "$1");
    if (without.endsWith("?") || without.endsWith("&")) {
      without = without.substring(0, without.length() - 1);
    }
    return without + (without.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
  }
}
