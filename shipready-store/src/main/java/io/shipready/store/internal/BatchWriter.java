package io.shipready.store.internal;

import io.shipready.core.event.Event;
import io.shipready.core.model.Measurement;
import io.shipready.store.StationPackage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of events in the caller's transaction. The runs the batch starts are inserted
 * first, together (their keys are needed by everything else), and every identifier the batch
 * carries is looked up in one go; then the events are applied in order, rows gathered per table and
 * sent as multi-row statements at the end; a step's start and finish that fall in the same batch
 * become one row. Only the rarer cases of unit resolution (a retest, a merge, a duplicate) go to
 * the database as they come.
 */
final class BatchWriter {
  // Run keys PostgreSQL's sequence is asked for beyond a batch's need.
  private static final int KEYS_AHEAD = 256;

  // A run's row, written once at the end of the batch that starts it, as the batch left it.
  private static final RowInsert INSERT_RUNS =
      new RowInsert(
          "runs",
          "id, run_id, station_id, slot, unit_number, recipe, recipe_version, recipe_sha256,"
              + " variant, operator, started_at, unit_id, retest, ended_at, outcome, failed_step,"
              + " message, duration_us",
          new int[] {
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.INT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.BIGINT,
            RowInsert.BIGINT,
            RowInsert.INT,
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.BIGINT
          },
          "");
  // Where the run row's unit and end are, in an INSERT_RUNS row.
  private static final int RUN_UNIT = 11;
  private static final int RUN_END = 13;
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
  private static final String ATTEMPT_COLUMNS =
      "run_key, step_id, attempt, seq, kind, started_at, ended_at, outcome, message, duration_us";
  private static final int[] ATTEMPT_TYPES =
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
      };
  // An attempt this batch starts is new: its row is inserted (through COPY on PostgreSQL).
  private static final RowInsert INSERT_ATTEMPT =
      new RowInsert("step_attempts", ATTEMPT_COLUMNS, ATTEMPT_TYPES, "");
  // A finish whose start was written by an earlier batch updates that row.
  private static final RowInsert UPSERT_ATTEMPT =
      new RowInsert(
          "step_attempts",
          ATTEMPT_COLUMNS,
          ATTEMPT_TYPES,
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

  private final Engine engine;
  private final String stationId;
  private final String operator;
  private final StationPackage stationPackage;
  private final UnitResolver resolver;
  private final CfxRecorder cfx;
  // PostgreSQL's sequence of run keys, found once, and keys taken from it not used yet.
  private String runSequence;
  private final ArrayDeque<Long> spareKeys = new ArrayDeque<>();

  /** Limits as JSON, by list: a recipe's few limit lists are written over and over. */
  private final Map<List<String>, String> limitsJson =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, String> eldest) {
          return size() > 1_024;
        }
      };

  /**
   * Statements kept per physical connection of the pool (the writer thread gets the same one back
   * nearly always); the least recently used connection's are closed past a few.
   */
  private final Map<Connection, Statements> prepared =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Connection, Statements> eldest) {
          if (size() <= 8) {
            return false;
          }
          eldest.getValue().close();
          return true;
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
    this.engine = engine;
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
    Connection physical = c.unwrap(Connection.class);
    Statements statements = prepared.get(physical);
    if (statements == null) {
      statements = new Statements(physical);
      prepared.put(physical, statements);
    }
    try {
      Batch batch = new Batch(statements, committed);
      batch.startRuns(events);
      batch.prepareUnits(events);
      for (Event event : events) {
        batch.apply(event);
      }
      batch.flush();
      return batch.touched;
    } catch (SQLException | RuntimeException failed) {
      // A statement that failed may hold half a batch: prepare afresh next time.
      prepared.remove(physical).close();
      throw failed;
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
    // Whether this batch holds the attempt's start, so no earlier batch wrote its row.
    boolean startedHere;

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

    /** Runs this batch starts, by id, from the batch's start until their RunStarted is applied. */
    private final Map<String, RunState> started = new HashMap<>();

    /** The rows of the runs this batch starts, by key, until they are written. */
    private final Map<Long, Object[]> runRows = new LinkedHashMap<>();

    private final UnitResolver.InBatch units;

    Batch(Statements c, Map<String, RunState> committed) {
      this.c = c;
      this.committed = committed;
      this.units =
          resolver.inBatch(
              c,
              new UnitResolver.RunRows() {
                @Override
                public boolean setUnit(long runKey, long unitId) {
                  Object[] row = runRows.get(runKey);
                  if (row == null) {
                    return false;
                  }
                  row[RUN_UNIT] = unitId;
                  row[RUN_UNIT + 1] = 0;
                  return true;
                }

                @Override
                public void write() throws SQLException {
                  writeRuns();
                }
              });
    }

    /**
     * Gives every run the batch starts its key, in one statement; their rows are written once, when
     * the batch ends (or before anything reads them), with what the batch said of them.
     */
    void startRuns(List<Event> events) throws SQLException {
      List<Event.RunStarted> starts = new ArrayList<>();
      for (Event event : events) {
        if (event instanceof Event.RunStarted e) {
          starts.add(e);
        }
      }
      if (starts.isEmpty()) {
        return;
      }
      List<Long> keys = runKeys(starts.size());
      for (int i = 0; i < starts.size(); i++) {
        Event.RunStarted e = starts.get(i);
        long key = keys.get(i);
        long at = at(e);
        started.put(e.runId(), new RunState(key, at));
        runRows.put(
            key,
            new Object[] {
              key,
              e.runId(),
              stationId,
              e.slot(),
              e.unitNumber(),
              nonNull(e.recipe()),
              nonNull(e.recipeVersion()),
              nonNull(e.recipeSha256()),
              nonNull(e.variant()),
              operator,
              at,
              // The unit and its retest count are known once the run is identified.
              null,
              0,
              null,
              null,
              null,
              null,
              null
            });
      }
    }

    /**
     * Keys for new runs: on SQLite the next rowids (the batch holds the write lock); on PostgreSQL
     * from the sequence, taken {@value #KEYS_AHEAD} at a time and kept for the next batches, so a
     * batch seldom spends a round trip on them (keys a failed batch took stay unused: a sequence
     * never gives one twice).
     */
    private List<Long> runKeys(int count) throws SQLException {
      List<Long> keys = new ArrayList<>(count);
      if (engine == Engine.SQLITE) {
        try (ResultSet max = c.get("SELECT COALESCE(MAX(id), 0) FROM runs").executeQuery()) {
          max.next();
          long last = max.getLong(1);
          for (int i = 1; i <= count; i++) {
            keys.add(last + i);
          }
        }
        return keys;
      }
      if (spareKeys.size() < count) {
        PreparedStatement next =
            c.get("SELECT nextval(" + runSequence() + ") FROM generate_series(1, ?)");
        next.setInt(1, count - spareKeys.size() + KEYS_AHEAD);
        try (ResultSet rows = next.executeQuery()) {
          while (rows.next()) {
            spareKeys.add(rows.getLong(1));
          }
        }
      }
      for (int i = 0; i < count; i++) {
        keys.add(spareKeys.poll());
      }
      return keys;
    }

    /**
     * The sequence of run keys, as a literal resolved when the statement is planned rather than
     * looked up by table and column for every key.
     */
    private String runSequence() throws SQLException {
      if (runSequence == null) {
        try (ResultSet name = c.get("SELECT pg_get_serial_sequence('runs', 'id')").executeQuery()) {
          name.next();
          runSequence = "'" + name.getString(1).replace("'", "''") + "'::regclass";
        }
      }
      return runSequence;
    }

    /** Writes the rows of the runs started so far, together; later changes update them. */
    private void writeRuns() throws SQLException {
      INSERT_RUNS.execute(c, new ArrayList<>(runRows.values()));
      runRows.clear();
    }

    /** Looks up the batch's identifiers and makes the new units its runs will need, at once. */
    void prepareUnits(List<Event> events) throws SQLException {
      List<UnitResolver.Identified> identified = new ArrayList<>();
      for (Event event : events) {
        if (event instanceof Event.UnitIdentified e) {
          RunState run = started.get(e.runId());
          RunState known = run != null ? run : committed.get(e.runId());
          identified.add(
              new UnitResolver.Identified(
                  known == null ? null : known.runKey,
                  run == null && known != null && known.unitId != null,
                  e.identifiers(),
                  at(e)));
        }
      }
      units.prepare(identified);
    }

    void apply(Event event) throws SQLException {
      if (event instanceof Event.RunStarted e) {
        runStarted(e);
      } else if (event instanceof Event.UnitIdentified e) {
        RunState run = run(e.runId());
        boolean wasIdentified = run.unitId != null;
        List<String> conflicts = units.resolve(run, e.identifiers(), at(e));
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
          row.startedHere = true;
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
        Object[] end =
            new Object[] {
              at(e),
              e.outcome().name(),
              nonNull(e.failedStep()),
              nonNull(e.message()),
              e.duration() == null ? 0L : Micros.of(e.duration()),
              run.runKey
            };
        Object[] row = runRows.get(run.runKey);
        if (row != null) {
          System.arraycopy(end, 0, row, RUN_END, 5);
        } else {
          finishes.add(end);
        }
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
      RunState state = this.started.remove(e.runId());
      if (state == null) {
        throw new SQLException("run " + e.runId() + " started twice in one batch");
      }
      touched.put(e.runId(), state);
      long key = state.runKey;
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
      if (started.containsKey(runId)) {
        throw new SQLException(
            "an event of run " + runId + " arrived before the run started (before its RunStarted)");
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
      units.finish();
      flushSlots();
      List<Object[]> newAttempts = new ArrayList<>(attempts.size());
      List<Object[]> continuedAttempts = new ArrayList<>();
      for (AttemptRow row : attempts.values()) {
        (row.startedHere ? newAttempts : continuedAttempts)
            .add(
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
      INSERT_ATTEMPT.execute(c, newAttempts);
      UPSERT_ATTEMPT.execute(c, continuedAttempts);
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
