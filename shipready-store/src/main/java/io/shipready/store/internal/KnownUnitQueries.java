package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.core.spi.KnownUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds the unit that owns one of a run's identifiers, with its other runs: the look-up behind the
 * known_unit step (a product label or RSSI station checks the unit was built on the line).
 */
public final class KnownUnitQueries implements KnownUnits {
  private final Jdbi jdbi;

  public KnownUnitQueries(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  @Override
  public Optional<KnownUnit> find(List<Identifier> identifiers, String excludingRun) {
    requireNonNull(identifiers, "identifiers");
    return jdbi.withHandle(
        handle -> {
          for (Identifier identifier : identifiers) {
            Optional<Long> unit =
                handle
                    .createQuery(
                        "SELECT unit_id FROM unit_identifiers"
                            + " WHERE kind = :kind AND value = :value AND duplicate = 0")
                    .bind("kind", identifier.kind())
                    .bind("value", identifier.value())
                    .mapTo(Long.class)
                    .findFirst();
            if (unit.isEmpty()) {
              continue;
            }
            List<EarlierRun> runs = new ArrayList<>();
            handle
                .createQuery(
                    "SELECT run_id, recipe, outcome FROM runs WHERE unit_id = :unit"
                        + " AND run_id <> :excluded ORDER BY started_at, id")
                .bind("unit", unit.get())
                .bind("excluded", excludingRun == null ? "" : excludingRun)
                .map(
                    (rs, ctx) ->
                        new EarlierRun(
                            rs.getString("run_id"),
                            rs.getString("recipe"),
                            rs.getString("outcome") == null ? "" : rs.getString("outcome")))
                .forEach(runs::add);
            List<Identifier> known =
                handle
                    .createQuery(
                        "SELECT kind, value FROM unit_identifiers WHERE unit_id = :unit"
                            + " ORDER BY first_seen, kind")
                    .bind("unit", unit.get())
                    .map((rs, ctx) -> new Identifier(rs.getString("kind"), rs.getString("value")))
                    .list();
            return Optional.of(new KnownUnit(TraceQueries.bestName(known, unit.get()), runs));
          }
          return Optional.empty();
        });
  }
}
