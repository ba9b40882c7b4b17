package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.store.RouteEvent;
import io.shipready.store.RouteHistory;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads a unit's route (its runs and route events) and records route events. */
public final class RouteQueries {
  private final Jdbi read;
  private final Jdbi write;

  public RouteQueries(Jdbi read, Jdbi write) {
    this.read = requireNonNull(read, "read");
    this.write = requireNonNull(write, "write");
  }

  /** The route of the unit that owns one of the identifiers; empty when none does. */
  public Optional<RouteHistory> history(List<Identifier> identifiers, String excludingRun) {
    return read.withHandle(
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
            if (unit.isPresent()) {
              return Optional.of(load(handle, unit.get(), excludingRun));
            }
          }
          return Optional.empty();
        });
  }

  public RouteHistory history(long unitId) {
    return read.withHandle(handle -> load(handle, unitId, null));
  }

  static RouteHistory load(Handle handle, long unitId, String excludingRun) {
    List<RouteHistory.Visit> runs =
        handle
            .createQuery(
                "SELECT run_id, recipe, station_id, started_at, outcome, failed_step, message"
                    + " FROM runs WHERE unit_id = :unit AND run_id <> :excluded"
                    + " ORDER BY started_at, id")
            .bind("unit", unitId)
            .bind("excluded", excludingRun == null ? "" : excludingRun)
            .map(
                (rs, ctx) ->
                    new RouteHistory.Visit(
                        rs.getString("run_id"),
                        rs.getString("recipe"),
                        rs.getString("station_id"),
                        Rows.instant(rs, "started_at"),
                        Rows.text(rs, "outcome"),
                        Rows.text(rs, "failed_step"),
                        Rows.text(rs, "message")))
            .list();
    return new RouteHistory(
        unitId, TraceQueries.unitName(handle, unitId), runs, events(handle, unitId));
  }

  static List<RouteEvent> events(Handle handle, long unitId) {
    return handle
        .createQuery(
            "SELECT at, kind, station, user_name, reason, action, parts FROM route_events"
                + " WHERE unit_id = :unit ORDER BY at")
        .bind("unit", unitId)
        .map(
            (rs, ctx) ->
                new RouteEvent(
                    Rows.instant(rs, "at"),
                    RouteEvent.Kind.valueOf(rs.getString("kind")),
                    rs.getString("station"),
                    rs.getString("user_name"),
                    rs.getString("reason"),
                    rs.getString("action"),
                    rs.getString("parts").isEmpty()
                        ? List.of()
                        : Arrays.asList(rs.getString("parts").split(","))))
        .list();
  }

  /**
   * Records the event and, in the same transaction, marks labels VOID: every label of the unit when
   * {@code voidRecipes} is null, else the labels printed by its runs of those recipes.
   *
   * @return how many labels were voided
   */
  public int record(long unitId, RouteEvent event, Collection<String> voidRecipes) {
    String voided =
        event.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " by "
            + event.user()
            + ": "
            + (event.action().isEmpty() ? event.reason() : event.action());
    return write.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO route_events (unit_id, at, kind, station, user_name, reason,"
                      + " action, parts) VALUES (:unit, :at, :kind, :station, :user, :reason,"
                      + " :action, :parts)")
              .bind("unit", unitId)
              .bind("at", Micros.of(event.at()))
              .bind("kind", event.kind().name())
              .bind("station", event.station())
              .bind("user", event.user())
              .bind("reason", event.reason())
              .bind("action", event.action())
              .bind("parts", String.join(",", event.parts()))
              .execute();
          if (voidRecipes == null) {
            return handle
                    .createUpdate(
                        "UPDATE labels_printed SET voided = :why WHERE unit_id = :unit"
                            + " AND voided = ''")
                    .bind("why", voided)
                    .bind("unit", unitId)
                    .execute()
                + handle
                    .createUpdate(
                        "UPDATE label_reprints SET voided = :why WHERE unit_id = :unit"
                            + " AND voided = ''")
                    .bind("why", voided)
                    .bind("unit", unitId)
                    .execute();
          }
          if (voidRecipes.isEmpty()) {
            return 0;
          }
          return handle
              .createUpdate(
                  "UPDATE labels_printed SET voided = :why WHERE unit_id = :unit AND voided = ''"
                      + " AND run_key IN (SELECT id FROM runs WHERE unit_id = :unit"
                      + " AND recipe IN (<recipes>))")
              .bind("why", voided)
              .bind("unit", unitId)
              .bindList("recipes", List.copyOf(voidRecipes))
              .execute();
        });
  }
}
