package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.store.StationAction;
import io.shipready.store.Store;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records every action taken on the station page, with its user and role, in the store. */
public final class ActionLog {
  private static final Logger log = LoggerFactory.getLogger(ActionLog.class);

  private final Store store;
  private final String stationId;
  private final Clock clock;

  public ActionLog(Store store, String stationId, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.stationId = requireNonNull(stationId, "stationId");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Stores the action before returning; a store that cannot take it fails the action. */
  public void record(
      String slot, String user, Role role, String action, String detail, boolean allowed) {
    store.recordAction(
        new StationAction(
            stationId, clock.instant(), slot, user, role.label(), action, detail, allowed));
    log.info(
        "{} {} ({}) {} slot {}: {}",
        allowed ? "done:" : "refused:",
        user,
        role.label(),
        action,
        slot.isEmpty() ? "-" : slot,
        detail);
  }
}
