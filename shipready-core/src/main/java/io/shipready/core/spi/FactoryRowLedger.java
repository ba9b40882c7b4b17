package io.shipready.core.spi;

import io.shipready.core.model.WrittenRow;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the records say about factory-file rows, so a station writes a row only for a run whose PASS
 * is stored for good, and one row per unit in each day's file. The store implements it.
 */
public interface FactoryRowLedger {
  /**
   * When the run ended, if its record is committed with outcome PASS; empty for a run that ended
   * otherwise, is still open, or was never recorded.
   */
  Optional<Instant> passEnded(String runId);

  /**
   * The run that already has a row in the file for the same unit as {@code runId} (that run itself
   * when its row is there); empty when the file has no row of the unit.
   */
  Optional<String> runWithRowOfSameUnit(String fileName, String runId);

  /** Keeps the row written for the run, committed before it returns. */
  void rowWritten(String runId, String stepId, WrittenRow row);

  /**
   * Keeps a row not written because the day's file has the unit's row of the earlier run {@code
   * keptRunId}, with the fields it would have had, committed before it returns.
   */
  void rowHeld(
      String runId, String stepId, String fileName, String keptRunId, Map<String, String> fields);
}
