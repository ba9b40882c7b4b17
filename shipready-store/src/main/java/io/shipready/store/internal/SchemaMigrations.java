package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

/**
 * Where a schema's Flyway scripts live and which table keeps their history. Scripts under {@code
 * <root>/common} run on every engine, those under {@code <root>/sqlite} or {@code
 * <root>/postgresql} only on theirs. Each schema has its own history table, so the store and the
 * back office can share one database without their versions colliding.
 *
 * @param root a classpath folder, e.g. {@code io/shipready/store/migration}
 * @param historyTable Flyway's history table for these scripts
 */
public record SchemaMigrations(String root, String historyTable) {
  public SchemaMigrations {
    requireNonNull(root, "root");
    requireNonNull(historyTable, "historyTable");
  }
}
