package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to a unit on its line's route besides its runs, with who did it and when.
 *
 * @param station the line station it concerns: the one an override let the unit into, where a
 *     reworked unit failed, where a repaired unit re-enters; empty for a scrap
 * @param reason why (override, scrap) or the symptom (rework, repair)
 * @param action what a repair did; empty otherwise
 * @param parts the parts a repair replaced
 */
public record RouteEvent(
    Instant at,
    Kind kind,
    String station,
    String user,
    String reason,
    String action,
    List<String> parts) {
  public RouteEvent {
    requireNonNull(at, "at");
    requireNonNull(kind, "kind");
    station = station == null ? "" : station;
    requireNonNull(user, "user");
    requireNonNull(reason, "reason");
    action = action == null ? "" : action;
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** What happened. */
  public enum Kind {
    /** An engineer let the unit into a station the route refused it at. */
    OVERRIDE,
    /** The unit left the line for repair. */
    REWORK,
    /** The unit was repaired and re-enters the line at a station. */
    REPAIR,
    /** The unit is scrapped; no station takes it again. */
    SCRAP
  }

  public static RouteEvent override(Instant at, String station, String user, String reason) {
    return new RouteEvent(at, Kind.OVERRIDE, station, user, reason, "", List.of());
  }

  public static RouteEvent rework(Instant at, String station, String user, String symptom) {
    return new RouteEvent(at, Kind.REWORK, station, user, symptom, "", List.of());
  }

  public static RouteEvent repair(
      Instant at,
      String reEntry,
      String user,
      String symptom,
      String action,
      List<String> partsReplaced) {
    return new RouteEvent(at, Kind.REPAIR, reEntry, user, symptom, action, partsReplaced);
  }

  public static RouteEvent scrap(Instant at, String user, String reason) {
    return new RouteEvent(at, Kind.SCRAP, "", user, reason, "", List.of());
  }
}
