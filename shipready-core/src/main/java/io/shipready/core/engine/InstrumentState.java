package io.shipready.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What a station's web page or console shows about one shared instrument: who holds it, who waits
 * for it, and whether it is out of service.
 *
 * @param holder the slot and step holding it now; null when it is free
 * @param waiting the slots waiting for it, first in line first
 * @param outOfService why it is out of service; empty while it is in service
 */
public record InstrumentState(
    String name, Holder holder, List<String> waiting, String outOfService) {
  public InstrumentState {
    requireNonNull(name, "name");
    waiting = List.copyOf(waiting);
    requireNonNull(outOfService, "outOfService");
  }

  public boolean inService() {
    return outOfService.isEmpty();
  }

  /** A slot's step holding the instrument, and since when (station clock). */
  public record Holder(String slot, String stepId, Instant since) {
    public Holder {
      requireNonNull(slot, "slot");
      requireNonNull(stepId, "stepId");
      requireNonNull(since, "since");
    }
  }
}
