package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Something a person did at a station: who, in which role, to which slot ({@code ""} for the whole
 * station), and whether it was allowed. Refused attempts (a wrong engineer PIN) are kept too.
 */
public record StationAction(
    String stationId,
    Instant at,
    String slot,
    String user,
    String role,
    String action,
    String detail,
    boolean allowed) {
  public StationAction {
    requireNonNull(stationId, "stationId");
    requireNonNull(at, "at");
    slot = slot == null ? "" : slot;
    requireNonNull(user, "user");
    requireNonNull(role, "role");
    requireNonNull(action, "action");
    detail = detail == null ? "" : detail;
  }
}
