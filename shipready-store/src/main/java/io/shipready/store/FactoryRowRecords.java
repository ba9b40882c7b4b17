package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.WrittenRow;
import io.shipready.core.spi.FactoryRowLedger;
import io.shipready.store.internal.Json;
import io.shipready.store.internal.Micros;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The records' side of a station's factory-file rows: whether a run's PASS is committed, which
 * run's row a day's file holds for a unit, and the rows written or held. Each write is committed
 * (and on SQLite synced) before it returns.
 */
public final class FactoryRowRecords implements FactoryRowLedger {
  private final Jdbi jdbi;
  private final Clock clock;

  FactoryRowRecords(Jdbi jdbi, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Instant> passEnded(String runId) {
    return read(
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT ended_at FROM runs WHERE run_id = :run AND outcome = 'PASS'"
                                + " AND ended_at IS NOT NULL")
                        .bind("run", runId)
                        .mapTo(Long.class)
                        .findOne()
                        .map(Micros::instant)));
  }

  @Override
  public Optional<String> runWithRowOfSameUnit(String fileName, String runId) {
    return read(
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT r.run_id FROM factory_file_rows f JOIN runs r ON r.id ="
                                + " f.run_key WHERE f.file_name = :file AND (r.run_id = :run OR"
                                + " f.unit_id = (SELECT unit_id FROM runs WHERE run_id = :run))"
                                + " ORDER BY CASE WHEN r.run_id = :run THEN 0 ELSE 1 END,"
                                + " f.row_number LIMIT 1")
                        .bind("file", fileName)
                        .bind("run", runId)
                        .mapTo(String.class)
                        .findOne()));
  }

  @Override
  public void rowWritten(String runId, String stepId, WrittenRow row) {
    write(
        "INSERT INTO factory_file_rows (file_name, row_number, unit_id, run_key, step_id,"
            + " row_text, written_at) SELECT :file, :row, unit_id, id, :step, :text, :at"
            + " FROM runs WHERE run_id = :run ON CONFLICT DO NOTHING",
        Map.of(
            "file", row.fileName(),
            "row", row.rowNumber(),
            "step", stepId,
            "text", row.rowText(),
            "run", runId),
        "keep the factory-file row of run " + runId);
  }

  @Override
  public void rowHeld(
      String runId, String stepId, String fileName, String keptRunId, Map<String, String> fields) {
    write(
        "INSERT INTO factory_rows_held (run_key, step_id, unit_id, file_name, kept_run_key,"
            + " fields_json, held_at) SELECT r.id, :step, r.unit_id, :file, k.id, :fields, :at"
            + " FROM runs r, runs k WHERE r.run_id = :run AND k.run_id = :kept"
            + " ON CONFLICT DO NOTHING",
        Map.of(
            "step", stepId,
            "file", fileName,
            "fields", Json.map(new TreeMap<>(fields)),
            "run", runId,
            "kept", keptRunId),
        "keep the held factory-file row of run " + runId);
  }

  private void write(String sql, Map<String, Object> values, String what) {
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(sql)
                  .bindMap(values)
                  .bind("at", Micros.of(clock.instant()))
                  .execute());
    } catch (JdbiException failed) {
      throw new StoreUnavailableException("cannot " + what + ": " + failed.getMessage(), failed);
    }
  }

  private static <T> T read(java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (JdbiException failed) {
      throw new StoreUnavailableException(
          "cannot read the factory-file rows: " + failed.getMessage(), failed);
    }
  }
}
