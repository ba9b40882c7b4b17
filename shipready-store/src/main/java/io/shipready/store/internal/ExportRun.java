package io.shipready.store.internal;

import io.shipready.core.model.Identifier;
import io.shipready.store.ProvisioningOperation;
import io.shipready.store.UnitTrace;
import java.util.List;

/**
 * A finished run being exported, with who its unit is and the cloud provisioning operations done
 * for the unit it queued.
 */
record ExportRun(
    long key,
    Long unitId,
    List<Identifier> identifiers,
    long endedMicros,
    UnitTrace.Run run,
    List<ProvisioningOperation> provisioning) {
  ExportRun {
    identifiers = List.copyOf(identifiers);
    provisioning = List.copyOf(provisioning);
  }

  /** The unit's best-known name, as trace shows it. */
  String dutId() {
    return identifiers.isEmpty()
        ? "unit " + run.unitNumber()
        : TraceQueries.bestName(identifiers, unitId == null ? 0 : unitId);
  }
}
