package io.shipready.store.internal;

import io.shipready.core.model.Identifier;
import io.shipready.store.UnitTrace;
import java.util.List;

/** A finished run being exported, with who its unit is. */
record ExportRun(
    long key, Long unitId, List<Identifier> identifiers, long endedMicros, UnitTrace.Run run) {
  ExportRun {
    identifiers = List.copyOf(identifiers);
  }

  /** The unit's best-known name, as trace shows it. */
  String dutId() {
    return identifiers.isEmpty()
        ? "unit " + run.unitNumber()
        : TraceQueries.bestName(identifiers, unitId == null ? 0 : unitId);
  }
}
