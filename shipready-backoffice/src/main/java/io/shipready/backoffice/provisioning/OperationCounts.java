package io.shipready.backoffice.provisioning;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Provisioning operations for Prometheus, counted from the operations table itself: each is
 * recorded there in the same transaction as its effect, so the count is exact, survives restarts
 * and is shared by every process serving the same database. One query serves a whole scrape.
 *
 * <p>As scraped: {@code shipready_provisioning_operations_total{kind,result}}, result {@code
 * applied} (first time) or {@code repeated} (the same request again, applied once).
 */
final class OperationCounts {
  static final List<String> KINDS =
      List.of(
          Operations.IMPORT,
          Operations.SIM_ACTIVATE,
          Operations.GROUP_CREATE,
          Operations.GROUP_ADD,
          Operations.RENAME,
          Operations.CLAIM);

  /** A scrape reads every kind within this many milliseconds: one query for all of them. */
  private static final long FRESH_MILLIS = 500;

  private final Jdbi jdbi;
  private Map<String, long[]> counts = Map.of();
  private long readAt;

  OperationCounts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void bindTo(MeterRegistry registry) {
    for (String kind : KINDS) {
      FunctionCounter.builder("shipready.provisioning.operations", this, c -> c.count(kind, 0))
          .description("Provisioning operations applied, by kind; repeated: asked again")
          .tags("kind", kind, "result", "applied")
          .register(registry);
      FunctionCounter.builder("shipready.provisioning.operations", this, c -> c.count(kind, 1))
          .description("Provisioning operations applied, by kind; repeated: asked again")
          .tags("kind", kind, "result", "repeated")
          .register(registry);
    }
  }

  private synchronized double count(String kind, int column) {
    long now = System.currentTimeMillis();
    if (now - readAt > FRESH_MILLIS) {
      counts = read();
      readAt = now;
    }
    long[] row = counts.get(kind);
    return row == null ? 0 : row[column];
  }

  private Map<String, long[]> read() {
    Map<String, long[]> read = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT kind, COUNT(*) AS applied, COALESCE(SUM(repeats), 0) AS repeated"
                        + " FROM operations GROUP BY kind")
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getString("kind"),
                            new long[] {rs.getLong("applied"), rs.getLong("repeated")}))
                .forEach(row -> read.put(row.getKey(), row.getValue())));
    return read;
  }
}
