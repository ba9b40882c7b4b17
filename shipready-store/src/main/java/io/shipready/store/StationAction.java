package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.RecordText;
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
    // What a person typed or scanned is kept as the record can keep it (see RecordText).
    slot = RecordText.safe(slot == null ? "" : slot, RecordText.KEY_LIMIT);
    user = RecordText.safe(requireNonNull(user, "user"), RecordText.KEY_LIMIT);
    requireNonNull(role, "role");
    requireNonNull(action, "action");
    detail = RecordText.safe(detail == null ? "" : detail, RecordText.STATION_LIMIT);
  }
}
