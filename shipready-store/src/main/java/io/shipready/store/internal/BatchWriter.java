package io.shipready.store.internal;

import io.shipready.core.event.Event;
import io.shipready.core.model.Measurement;
import io.shipready.store.StationPackage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of events in the caller's transaction. Rows are gathered per table and sent as
 * JDBC batches at the end; a step's start and finish that fall in the same batch become one row.
 * Only a run's own row (its key is needed by everything else) and unit resolution (it reads what
 * other stations wrote) go to the database as they come.
 */
final class BatchWriter {
  private static final String INSERT_RUN =
      "INSERT INTO runs (run_id, station_id, slot, unit_number, recipe, recipe_version,"
          + " recipe_sha256, variant, operator, retest, started_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
  private static final String FINISH_RUN =
      "UPDATE runs SET ended_at = ?, outcome = ?, failed_step = ?, message = ?, duration_us = ?"
          + " WHERE id = ?";
  private static final RowInsert UPSERT_SLOT =
      new RowInsert(
          "slots",
          "station_id, slot, state, message, first_seen, last_seen",
          new int[] {
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.BIGINT,
            RowInsert.BIGINT
          },
          " ON CONFLICT (station_id, slot) DO UPDATE SET"
              + " state = COALESCE(excluded.state, slots.state),"
              + " message = COALESCE(excluded.message, slots.message),"
              + " last_seen = excluded.last_seen");
  // A finish whose start was written by an earlier batch updates that row.
  private static final RowInsert UPSERT_ATTEMPT =
      new RowInsert(
          "step_attempts",
          "run_key, step_id, attempt, seq, kind, started_at, ended_at, outcome, message,"
              + " duration_us",
          new int[] {
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.INT,
            RowInsert.INT,
            RowInsert.TEXT,
            RowInsert.BIGINT,
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.BIGINT
          },
          " ON CONFLICT (run_key, step_id, attempt) DO UPDATE SET"
              + " ended_at = COALESCE(excluded.ended_at, step_attempts.ended_at),"
              + " outcome = COALESCE(excluded.outcome, step_attempts.outcome),"
              + " message = COALESCE(excluded.message, step_attempts.message),"
              + " duration_us = COALESCE(excluded.duration_us, step_attempts.duration_us)");
  private static final RowInsert INSERT_MEASUREMENT =
      new RowInsert(
          "measurements",
          "run_key, seq, step_id, attempt, name, value_num, value_text, units, limits, passed,"
              + " message, taken_at",
          new int[] {
            RowInsert.BIGINT,
            RowInsert.INT,
            RowInsert.TEXT,
            RowInsert.INT,
            RowInsert.TEXT,
            RowInsert.DOUBLE,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.INT,
            RowInsert.TEXT,
            RowInsert.BIGINT
          },
          "");
  private static final int[] RUN_RECORD =
      new int[] {
        RowInsert.BIGINT,
        RowInsert.INT,
        RowInsert.TEXT,
        RowInsert.TEXT,
        RowInsert.TEXT,
        RowInsert.BIGINT
      };
  private static final RowInsert INSERT_ATTRIBUTE =
      new RowInsert(
          "attributes", "run_key, seq, step_id, name, value, recorded_at", RUN_RECORD, "");
  private static final RowInsert INSERT_IMAGE =
      new RowInsert(
          "images_written",
          "run_key, seq, step_id, name, version, sha256, written_at",
          new int[] {
            RowInsert.BIGINT,
            RowInsert.INT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.BIGINT
          },
          "");
  private static final RowInsert INSERT_COMPONENT =
      new RowInsert(
          "components", "run_key, seq, step_id, position, barcode, linked_at", RUN_RECORD, "");
  private static final RowInsert INSERT_AUDIT =
      new RowInsert(
          "irreversible_operations",
          "run_key, seq, step_id, phase, detail, happened_at",
          RUN_RECORD,
          "");

  private static final RowInsert INSERT_LABEL =
      new RowInsert(
          "labels_printed",
          "run_key, seq, unit_id, step_id, template, printer, copies, payload, content_sha256,"
              + " printed_at",
          new int[] {
            RowInsert.BIGINT,
            RowInsert.INT,
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.INT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.BIGINT
          },
          "");
  private static final RowInsert INSERT_FACTORY_ROW =
      new RowInsert(
          "factory_file_rows",
          "file_name, row_number, unit_id, run_key, step_id, row_text, written_at",
          new int[] {
            RowInsert.TEXT,
            RowInsert.BIGINT,
            RowInsert.BIGINT,
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.BIGINT
          },
          "");
  private static final RowInsert INSERT_PACKAGE =
      new RowInsert(
          "run_packages",
          "run_key, name, version, manifest_sha256, signer",
          new int[] {
            RowInsert.BIGINT, RowInsert.TEXT, RowInsert.TEXT, RowInsert.TEXT, RowInsert.TEXT
          },
          "");

  private final String stationId;
  private final String operator;
  private final StationPackage stationPackage;
  private final UnitResolver resolver;
  private final CfxRecorder cfx;

  /** Limits as JSON, by list: a recipe's few limit lists are written over and over. */
  private final Map<List<String>, String> limitsJson =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, String> eldest) {
          return size() > 1_024;
        }
      };

  /**
   * @param cfx writes the batch's IPC-CFX messages into the outbox with its records; null when the
   *     station publishes none
   */
  BatchWriter(
      Engine engine,
      String stationId,
      String operator,
      StationPackage stationPackage,
      CfxRecorder cfx) {
    this.resolver = new UnitResolver(engine);
    this.stationId = stationId;
    this.operator = operator;
    this.stationPackage = stationPackage;
    this.cfx = cfx;
  }

  /**
   * Writes the events; returns the states of the runs they touched, to keep once the transaction
   * commits.
   */
  Map<String, RunState> write(Connection c, List<Event> events, Map<String, RunState> committed)
      throws SQLException {
    try (Statements statements = new Statements(c)) {
      Batch batch = new Batch(statements, committed);
      for (Event event : events) {
        batch.apply(event);
      }
      batch.flush();
      return batch.touched;
    }
  }

  /** A step attempt's row, as far as this batch knows it. */
  private static final class AttemptRow {
    final long runKey;
    final String stepId;
    final int attempt;
    int seq;
    String kind;
    long startedAt;
    Long endedAt;
    String outcome;
    String message;
    Long durationMicros;

    AttemptRow(long runKey, String stepId, int attempt) {
      this.runKey = runKey;
      this.stepId = stepId;
      this.attempt = attempt;
    }
  }

  private record AttemptKey(long runKey, String stepId, int attempt) {}

  private record SlotRow(String slot, String state, String message, long at) {}

  private final class Batch {
    private final Statements c;
    private final Map<String, RunState> committed;
    final Map<String, RunState> touched = new HashMap<>();

    private final Map<AttemptKey, AttemptRow> attempts = new LinkedHashMap<>();
    private final Map<String, SlotRow> slots = new LinkedHashMap<>();
    private final List<Object[]> measurements = new ArrayList<>();
    private final List<Object[]> attributes = new ArrayList<>();
    private final List<Object[]> images = new ArrayList<>();
    private final List<Object[]> labels = new ArrayList<>();
    private final List<Object[]> factoryRows = new ArrayList<>();
    private final List<Object[]> components = new ArrayList<>();
    private final List<Object[]> audit = new ArrayList<>();
    private final List<Object[]> finishes = new ArrayList<>();
    private final List<Object[]> packages = new ArrayList<>();
    private final CfxRecorder.Notes cfxNotes = cfx == null ? null : cfx.notes();

    Batch(Statements c, Map<String, RunState> committed) {
      this.c = c;
      this.committed = committed;
    }

    void apply(Event event) throws SQLException {
      if (event instanceof Event.RunStarted e) {
        runStarted(e);
      } else if (event instanceof Event.UnitIdentified e) {
        RunState run = run(e.runId());
        boolean wasIdentified = run.unitId != null;
        List<String> conflicts = resolver.resolve(c, run, e.identifiers(), at(e));
        if (cfxNotes != null && !wasIdentified && run.unitId != null) {
          cfxNotes.unitIdentified(e.runId(), run.runKey, e.slot(), e.at());
        }
        for (String conflict : conflicts) {
          attributes.add(
              new Object[] {run.runKey, run.nextSeq(), "", "identifier_conflict", conflict, at(e)});
        }
      } else if (event instanceof Event.StepStarted e) {
        RunState run = run(e.runId());
        run.attempts.put(e.stepId(), e.attempt());
        AttemptRow row = attempt(run, e.stepId(), e.attempt());
        if (row.kind == null) {
          row.seq = run.nextSeq();
          row.kind = nonNull(e.kind());
          row.startedAt = at(e);
        }
      } else if (event instanceof Event.StepFinished e) {
        RunState run = run(e.runId());
        AttemptRow row = attempt(run, e.stepId(), e.attempt());
        long ended = at(e);
        long duration = e.duration() == null ? 0 : Micros.of(e.duration());
        if (row.kind == null) {
          row.seq = run.nextSeq();
          row.startedAt = ended - duration;
        }
        row.kind = nonNull(e.kind());
        row.endedAt = ended;
        row.outcome = e.outcome().name();
        row.message = nonNull(e.message());
        row.durationMicros = duration;
      } else if (event instanceof Event.MeasurementTaken e) {
        measurement(e);
      } else if (event instanceof Event.AttributeRecorded e) {
        RunState run = run(e.runId());
        attributes.add(
            new Object[] {
              run.runKey, run.nextSeq(), nonNull(e.stepId()), e.key(), nonNull(e.value()), at(e)
            });
        if (cfxNotes != null) {
          cfxNotes.attribute(e.runId(), run.runKey, e);
        }
      } else if (event instanceof Event.ImageWritten e) {
        RunState run = run(e.runId());
        images.add(
            new Object[] {
              run.runKey,
              run.nextSeq(),
              nonNull(e.stepId()),
              nonNull(e.name()),
              nonNull(e.version()),
              nonNull(e.sha256()),
              at(e)
            });
      } else if (event instanceof Event.LabelPrinted e) {
        RunState run = run(e.runId());
        labels.add(
            new Object[] {
              run.runKey,
              run.nextSeq(),
              run.unitId,
              nonNull(e.stepId()),
              e.label().template(),
              e.label().printer(),
              e.label().copies(),
              e.label().payload(),
              e.label().contentSha256(),
              at(e)
            });
      } else if (event instanceof Event.FactoryRowWritten e) {
        RunState run = run(e.runId());
        factoryRows.add(
            new Object[] {
              e.row().fileName(),
              e.row().rowNumber(),
              run.unitId,
              run.runKey,
              nonNull(e.stepId()),
              e.row().rowText(),
              at(e)
            });
      } else if (event instanceof Event.ComponentLinked e) {
        RunState run = run(e.runId());
        components.add(
            new Object[] {
              run.runKey,
              run.nextSeq(),
              nonNull(e.stepId()),
              nonNull(e.position()),
              nonNull(e.barcode()),
              at(e)
            });
        if (cfxNotes != null) {
          cfxNotes.component(e.runId(), run.runKey, e);
        }
      } else if (event instanceof Event.IrreversibleOperation e) {
        RunState run = run(e.runId());
        audit.add(
            new Object[] {
              run.runKey,
              run.nextSeq(),
              nonNull(e.stepId()),
              e.phase().name(),
              nonNull(e.detail()),
              at(e)
            });
      } else if (event instanceof Event.RunFinished e) {
        RunState run = run(e.runId());
        run.finished = true;
        if (cfxNotes != null) {
          cfxNotes.runFinished(run.runKey, run.unitId != null, e);
        }
        finishes.add(
            new Object[] {
              at(e),
              e.outcome().name(),
              nonNull(e.failedStep()),
              nonNull(e.message()),
              e.duration() == null ? 0L : Micros.of(e.duration()),
              run.runKey
            });
      } else if (event instanceof Event.SlotChanged e) {
        slots.put(e.slot(), new SlotRow(e.slot(), e.state().name(), nonNull(e.message()), at(e)));
        if (cfxNotes != null) {
          cfxNotes.slotChanged(e.at());
        }
      }
      // RunRecorded and Notice say nothing the record does not already hold.
    }

    private void measurement(Event.MeasurementTaken e) throws SQLException {
      RunState run = run(e.runId());
      Measurement m = e.measurement();
      Object value = m.value();
      Double number = null;
      if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
        number = n.doubleValue();
      }
      measurements.add(
          new Object[] {
            run.runKey,
            run.nextSeq(),
            nonNull(e.stepId()),
            run.attemptOf(e.stepId()),
            m.name(),
            number,
            // A double's text is its number's; any other value keeps its own text.
            value == null || (value instanceof Double d && !d.isNaN())
                ? null
                : String.valueOf(value),
            m.units(),
            limitsJson.computeIfAbsent(m.limits(), Json::strings),
            m.passed() ? 1 : 0,
            m.message(),
            at(e)
          });
    }

    private void runStarted(Event.RunStarted e) throws SQLException {
      long started = Micros.of(e.at());
      slots.putIfAbsent(e.slot(), new SlotRow(e.slot(), null, null, started));
      PreparedStatement insertRun = c.get(INSERT_RUN);
      insertRun.setString(1, e.runId());
      insertRun.setString(2, stationId);
      insertRun.setString(3, e.slot());
      insertRun.setInt(4, e.unitNumber());
      insertRun.setString(5, nonNull(e.recipe()));
      insertRun.setString(6, nonNull(e.recipeVersion()));
      insertRun.setString(7, nonNull(e.recipeSha256()));
      insertRun.setString(8, nonNull(e.variant()));
      insertRun.setString(9, operator);
      // The retest count is known only once the unit is identified; it is set then.
      insertRun.setInt(10, 0);
      insertRun.setLong(11, started);
      long key;
      try (ResultSet keys = insertRun.executeQuery()) {
        keys.next();
        key = keys.getLong(1);
      }
      touched.put(e.runId(), new RunState(key, started));
      if (stationPackage != null) {
        packages.add(
            new Object[] {
              key,
              stationPackage.name(),
              stationPackage.version(),
              stationPackage.manifestSha256(),
              stationPackage.signer()
            });
      }
    }

    private RunState run(String runId) throws SQLException {
      RunState state = touched.get(runId);
      if (state != null) {
        return state;
      }
      RunState known = committed.get(runId);
      state = known != null ? known.copy() : reload(runId);
      touched.put(runId, state);
      return state;
    }

    /** A run this writer has not seen start: carry on from what the database holds. */
    private RunState reload(String runId) throws SQLException {
      try (PreparedStatement select =
          c.connection()
              .prepareStatement(
                  "SELECT r.id, r.started_at, r.unit_id, u.created_by_run FROM runs r"
                      + " LEFT JOIN units u ON u.id = r.unit_id WHERE r.run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            throw new SQLException(
                "an event of run "
                    + runId
                    + " arrived before the run started (no RunStarted was published for it)");
          }
          RunState state = new RunState(row.getLong(1), row.getLong(2));
          long unit = row.getLong(3);
          if (!row.wasNull()) {
            state.unitId = unit;
            state.unitCreatedHere = row.getLong(4) == state.runKey;
          }
          state.seq = maxSeq(state.runKey);
          return state;
        }
      }
    }

    private int maxSeq(long runKey) throws SQLException {
      int max = 0;
      for (String table :
          List.of(
              "step_attempts",
              "measurements",
              "attributes",
              "images_written",
              "components",
              "irreversible_operations")) {
        try (PreparedStatement select =
            c.connection()
                .prepareStatement("SELECT MAX(seq) FROM " + table + " WHERE run_key = ?")) {
          select.setLong(1, runKey);
          try (ResultSet row = select.executeQuery()) {
            if (row.next()) {
              max = Math.max(max, row.getInt(1));
            }
          }
        }
      }
      return max;
    }

    private AttemptRow attempt(RunState run, String stepId, int attempt) {
      return attempts.computeIfAbsent(
          new AttemptKey(run.runKey, stepId, attempt),
          key -> new AttemptRow(key.runKey(), key.stepId(), key.attempt()));
    }

    void flush() throws SQLException {
      flushSlots();
      List<Object[]> attemptRows = new ArrayList<>(attempts.size());
      for (AttemptRow row : attempts.values()) {
        attemptRows.add(
            new Object[] {
              row.runKey,
              row.stepId,
              row.attempt,
              row.seq,
              row.kind == null ? "" : row.kind,
              row.startedAt,
              row.endedAt,
              row.outcome,
              row.message,
              row.durationMicros
            });
      }
      UPSERT_ATTEMPT.execute(c, attemptRows);
      INSERT_MEASUREMENT.execute(c, measurements);
      INSERT_ATTRIBUTE.execute(c, attributes);
      INSERT_IMAGE.execute(c, images);
      INSERT_COMPONENT.execute(c, components);
      INSERT_LABEL.execute(c, labels);
      INSERT_FACTORY_ROW.execute(c, factoryRows);
      INSERT_AUDIT.execute(c, audit);
      INSERT_PACKAGE.execute(c, packages);
      if (!finishes.isEmpty()) {
        PreparedStatement finish = c.get(FINISH_RUN);
        for (Object[] row : finishes) {
          for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof Long l) {
              finish.setLong(i + 1, l);
            } else {
              finish.setString(i + 1, (String) row[i]);
            }
          }
          finish.addBatch();
        }
        finish.executeBatch();
      }
      if (cfxNotes != null) {
        cfxNotes.write(c);
      }
    }

    private void flushSlots() throws SQLException {
      List<Object[]> rows = new ArrayList<>();
      for (SlotRow slot : slots.values()) {
        rows.add(
            new Object[] {
              stationId, slot.slot(), slot.state(), slot.message(), slot.at(), slot.at()
            });
      }
      slots.clear();
      UPSERT_SLOT.execute(c, rows);
    }
  }

  private static long at(Event event) {
    return Micros.of(event.at());
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
