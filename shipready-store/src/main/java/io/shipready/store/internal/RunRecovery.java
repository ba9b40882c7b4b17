package io.shipready.store.internal;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.store.AbortedRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Closes the runs a station left open when it stopped in the middle of them. */
public final class RunRecovery {
  private record OpenRun(
      long key,
      String runId,
      String slot,
      int unitNumber,
      Long unitId,
      String recipe,
      String recipeVersion,
      long startedAt) {}

  private final Jdbi jdbi;

  public RunRecovery(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public List<AbortedRun> closeOpenRuns(String stationId, String reason, Instant now) {
    return closeOpenRuns(stationId, reason, now, null);
  }

  /**
   * Closes the open runs; with a CFX handle, also writes each run's WorkCompleted (Aborted) into
   * the outbox in the same transaction, so a MES does not wait for it forever.
   */
  public List<AbortedRun> closeOpenRuns(
      String stationId, String reason, Instant now, String cfxHandle) {
    long nowMicros = Micros.of(now);
    return jdbi.inTransaction(
        handle -> {
          List<OpenRun> open =
              handle
                  .createQuery(
                      "SELECT id, run_id, slot, unit_number, unit_id, recipe, recipe_version,"
                          + " started_at FROM runs WHERE station_id = :station"
                          + " AND outcome IS NULL ORDER BY started_at, id")
                  .bind("station", stationId)
                  .map(
                      (rs, ctx) ->
                          new OpenRun(
                              rs.getLong("id"),
                              rs.getString("run_id"),
                              rs.getString("slot"),
                              rs.getInt("unit_number"),
                              Rows.nullableLong(rs, "unit_id"),
                              rs.getString("recipe"),
                              rs.getString("recipe_version"),
                              rs.getLong("started_at")))
                  .list();
          List<AbortedRun> aborted = new ArrayList<>();
          for (OpenRun run : open) {
            // The step that was running when the station stopped, if one was.
            String interrupted =
                handle
                    .createQuery(
                        "SELECT step_id FROM step_attempts WHERE run_key = :run"
                            + " AND outcome IS NULL ORDER BY seq DESC")
                    .bind("run", run.key())
                    .mapTo(String.class)
                    .findFirst()
                    .orElse("");
            int closed =
                handle
                    .createUpdate(
                        "UPDATE runs SET outcome = :outcome, ended_at = :now, message = :reason,"
                            + " failed_step = :step, duration_us = :duration"
                            + " WHERE id = :run AND outcome IS NULL")
                    .bind("outcome", Outcome.ABORTED.name())
                    .bind("now", nowMicros)
                    .bind("reason", reason)
                    .bind("step", interrupted)
                    .bind("duration", Math.max(0, nowMicros - run.startedAt()))
                    .bind("run", run.key())
                    .execute();
            if (closed == 0) {
              continue;
            }
            if (cfxHandle != null) {
              CfxOutboxRows.add(
                  handle,
                  cfxHandle,
                  CfxEnvelope.WORK_COMPLETED,
                  now,
                  CfxBodies.workCompleted(run.runId(), CfxRecorder.workResult(Outcome.ABORTED)));
            }
            List<Identifier> identifiers =
                run.unitId() == null
                    ? List.of()
                    : handle
                        .createQuery(
                            "SELECT kind, value FROM unit_identifiers WHERE unit_id = :unit"
                                + " ORDER BY first_seen, kind, value")
                        .bind("unit", run.unitId())
                        .map(
                            (rs, ctx) ->
                                new Identifier(rs.getString("kind"), rs.getString("value")))
                        .list();
            aborted.add(
                new AbortedRun(
                    run.runId(),
                    run.slot(),
                    run.unitNumber(),
                    identifiers,
                    run.recipe(),
                    run.recipeVersion(),
                    Micros.instant(run.startedAt())));
          }
          return aborted;
        });
  }
}
