package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a station's records into IPC-CFX messages in the outbox, in the same transaction as the
 * records, so a message exists exactly when its record does. While a batch is applied it only notes
 * what happened; once the batch's rows are flushed it reads what it needs back from them (a
 * finished run's every step and measurement, the unit's identifiers after any merge) and writes the
 * messages.
 *
 * <ul>
 *   <li>WorkStarted when a run's unit is first identified (a run that never identifies its unit
 *       gets it just before its WorkCompleted);
 *   <li>UnitsPersonalized for identifiers a step wrote into the unit ({@code identity.<kind>}
 *       attributes), secrets left out;
 *   <li>MaterialsInstalled for components scanned into the unit;
 *   <li>UnitsTested (every step attempt with its measurements) and WorkCompleted when the run ends;
 *   <li>StationStateChanged when the station's state, made from its slots', changes.
 * </ul>
 */
final class CfxRecorder {
  /** The attribute prefix under which a step records identifiers it wrote into the unit. */
  static final String WRITTEN_IDENTITY = "identity.";

  // CFX ResourceState codes (SEMI E10).
  static final String REGULAR_WORK = "1100";
  static final String NO_PRODUCT = "2200";
  static final String UNSCHEDULED_DOWN = "5000";
  static final String SHUTDOWN_AND_STARTUP = "6500";

  private final String source;
  private final String stationId;
  private final String operator;

  CfxRecorder(String source, String stationId, String operator) {
    this.source = requireNonNull(source, "source");
    this.stationId = requireNonNull(stationId, "stationId");
    this.operator = requireNonNull(operator, "operator");
  }

  private sealed interface Note {}

  private record Started(String runId, long runKey, String slot, Instant at) implements Note {}

  private record Written(
      String runId, long runKey, String stepId, String kind, String value, Instant at)
      implements Note {}

  private record Installed(String runId, long runKey, String position, String barcode, Instant at)
      implements Note {}

  private record Finished(
      String runId, long runKey, String slot, Outcome outcome, boolean identified, Instant at)
      implements Note {}

  /** What one batch noted; written by {@link #write}. */
  final class Notes {
    private final List<Note> notes = new ArrayList<>();
    private Instant slotsChangedAt;

    void unitIdentified(String runId, long runKey, String slot, Instant at) {
      notes.add(new Started(runId, runKey, slot, at));
    }

    void attribute(String runId, long runKey, Event.AttributeRecorded e) {
      if (!e.key().startsWith(WRITTEN_IDENTITY)) {
        return;
      }
      String kind = e.key().substring(WRITTEN_IDENTITY.length());
      if (CfxSecrets.isSecret(kind)) {
        return;
      }
      notes.add(new Written(runId, runKey, e.stepId(), kind, e.value(), e.at()));
    }

    void component(String runId, long runKey, Event.ComponentLinked e) {
      notes.add(new Installed(runId, runKey, e.position(), e.barcode(), e.at()));
    }

    void runFinished(long runKey, boolean identified, Event.RunFinished e) {
      notes.add(new Finished(e.runId(), runKey, e.slot(), e.outcome(), identified, e.at()));
    }

    void slotChanged(Instant at) {
      slotsChangedAt = at;
    }

    /** Writes the messages; the batch's records are already flushed in this transaction. */
    void write(Statements c) throws SQLException {
      PreparedStatement insert = c.get(CfxOutboxRows.INSERT);
      int rows = 0;
      for (int i = 0; i < notes.size(); i++) {
        Note note = notes.get(i);
        if (note instanceof Started s) {
          add(
              insert,
              CfxEnvelope.WORK_STARTED,
              s.at(),
              workStarted(c, s.runId(), s.runKey(), s.slot()));
        } else if (note instanceof Written w) {
          // One message for the identifiers one step wrote in this batch.
          List<Map.Entry<String, String>> written = new ArrayList<>();
          int j = i;
          while (j < notes.size()
              && notes.get(j) instanceof Written next
              && next.runKey() == w.runKey()
              && next.stepId().equals(w.stepId())) {
            written.add(new AbstractMap.SimpleEntry<>(next.kind(), next.value()));
            j++;
          }
          i = j - 1;
          add(
              insert,
              CfxEnvelope.UNITS_PERSONALIZED,
              w.at(),
              CfxBodies.unitsPersonalized(w.runId(), unit(c, w.runKey(), ""), written));
        } else if (note instanceof Installed m) {
          List<CfxBodies.Component> components = new ArrayList<>();
          int j = i;
          while (j < notes.size()
              && notes.get(j) instanceof Installed next
              && next.runKey() == m.runKey()) {
            components.add(new CfxBodies.Component(next.barcode(), next.position(), next.at()));
            j++;
          }
          i = j - 1;
          add(
              insert,
              CfxEnvelope.MATERIALS_INSTALLED,
              m.at(),
              CfxBodies.materialsInstalled(m.runId(), unit(c, m.runKey(), ""), components));
        } else if (note instanceof Finished f) {
          finished(c, insert, f);
        }
        rows++;
      }
      if (slotsChangedAt != null) {
        stationState(c, insert, slotsChangedAt);
      }
      if (rows > 0 || slotsChangedAt != null) {
        insert.executeBatch();
      }
    }
  }

  Notes notes() {
    return new Notes();
  }

  private void finished(Statements c, PreparedStatement insert, Finished f) throws SQLException {
    if (!f.identified()) {
      add(
          insert,
          CfxEnvelope.WORK_STARTED,
          f.at(),
          workStarted(c, f.runId(), f.runKey(), f.slot()));
    }
    CfxBodies.Unit unit = unit(c, f.runKey(), f.slot());
    if (unit.identifier() != null) {
      add(
          insert,
          CfxEnvelope.UNITS_TESTED,
          f.at(),
          CfxBodies.unitsTested(
              f.runId(), operator, unit, testResult(f.outcome()), tests(c, f.runId(), f.runKey())));
    }
    add(
        insert,
        CfxEnvelope.WORK_COMPLETED,
        f.at(),
        CfxBodies.workCompleted(f.runId(), workResult(f.outcome())));
  }

  private ObjectNode workStarted(Statements c, String runId, long runKey, String slot)
      throws SQLException {
    CfxBodies.Unit unit = unit(c, runKey, slot);
    return CfxBodies.workStarted(
        runId, slot, unit.identifier() == null ? List.of() : List.of(unit));
  }

  private void add(PreparedStatement insert, String name, Instant at, ObjectNode body)
      throws SQLException {
    CfxOutboxRows.bind(insert, source, name, at, body);
    insert.addBatch();
  }

  /**
   * The unit of the run as CFX names it: its serial when it has one, else the first identifier it
   * was known by that names one unit and is no secret; null before it is identified.
   */
  private static CfxBodies.Unit unit(Statements c, long runKey, String slot) throws SQLException {
    PreparedStatement select =
        c.get(
            "SELECT i.kind, i.value FROM runs r JOIN unit_identifiers i ON i.unit_id = r.unit_id"
                + " WHERE r.id = ? ORDER BY i.first_seen, i.kind");
    select.setLong(1, runKey);
    String first = null;
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Identifier id = new Identifier(rows.getString(1), rows.getString(2));
        if (id.kind().equals(Identifier.SERIAL)) {
          return new CfxBodies.Unit(id.value(), slot);
        }
        if (first == null && id.namesOneUnit() && !CfxSecrets.isSecret(id.kind())) {
          first = id.value();
        }
      }
    }
    return new CfxBodies.Unit(first, slot);
  }

  /** Every step attempt of the run with its measurements, in the order they happened. */
  private static List<CfxBodies.Test> tests(Statements c, String runId, long runKey)
      throws SQLException {
    PreparedStatement select =
        c.get(
            "SELECT s.step_id, s.attempt, s.outcome, s.message, s.started_at, s.ended_at,"
                + " m.seq, m.name, m.value_num, m.value_text, m.units, m.limits, m.passed,"
                + " m.taken_at FROM step_attempts s LEFT JOIN measurements m"
                + " ON m.run_key = s.run_key AND m.step_id = s.step_id AND m.attempt = s.attempt"
                + " WHERE s.run_key = ? ORDER BY s.seq, m.seq");
    select.setLong(1, runKey);
    Map<String, CfxBodies.Test> tests = new LinkedHashMap<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String stepId = rows.getString("step_id");
        int attempt = rows.getInt("attempt");
        String key = stepId + "/" + attempt;
        CfxBodies.Test test = tests.get(key);
        if (test == null) {
          String message = Rows.text(rows, "message");
          String comments =
              (attempt > 1 ? "attempt " + attempt + (message.isEmpty() ? "" : ": ") : "") + message;
          test =
              new CfxBodies.Test(
                  stableId(runId + "/" + key),
                  stepId,
                  Rows.instant(rows, "started_at"),
                  Rows.instant(rows, "ended_at"),
                  stepResult(rows.getString("outcome")),
                  comments.isEmpty() ? null : comments,
                  new ArrayList<>());
          tests.put(key, test);
        }
        String name = rows.getString("name");
        if (name != null) {
          int seq = rows.getInt("seq");
          Double number = Rows.nullableDouble(rows, "value_num");
          String text = rows.getString("value_text");
          test.measurements()
              .add(
                  new CfxBodies.Measured(
                      stableId(runId + "#" + seq),
                      name,
                      Rows.instant(rows, "taken_at"),
                      test.measurements().size(),
                      rows.getInt("passed") != 0,
                      number,
                      text,
                      Rows.text(rows, "units"),
                      CfxLimits.of(Json.readStrings(rows.getString("limits")))));
        }
      }
    }
    return List.copyOf(tests.values());
  }

  /** Writes StationStateChanged when the station's state, made from its slots', has changed. */
  private void stationState(Statements c, PreparedStatement insert, Instant at)
      throws SQLException {
    PreparedStatement slots = c.get("SELECT state FROM slots WHERE station_id = ?");
    slots.setString(1, stationId);
    int busy = 0;
    int broken = 0;
    int known = 0;
    try (ResultSet rows = slots.executeQuery()) {
      while (rows.next()) {
        String state = rows.getString(1);
        if (state == null) {
          continue;
        }
        known++;
        busy += state.equals("BUSY") ? 1 : 0;
        broken += state.equals("ERROR") ? 1 : 0;
      }
    }
    String now =
        busy > 0 ? REGULAR_WORK : known > 0 && broken == known ? UNSCHEDULED_DOWN : NO_PRODUCT;
    PreparedStatement last = c.get("SELECT state, since FROM cfx_endpoint_states WHERE source = ?");
    last.setString(1, source);
    String before = SHUTDOWN_AND_STARTUP;
    Instant since = at;
    try (ResultSet row = last.executeQuery()) {
      if (row.next()) {
        before = row.getString(1);
        since = Micros.instant(row.getLong(2));
      }
    }
    if (before.equals(now)) {
      return;
    }
    add(
        insert,
        CfxEnvelope.STATION_STATE_CHANGED,
        at,
        CfxBodies.stationStateChanged(before, Duration.between(since, at), now));
    c.update(
        "INSERT INTO cfx_endpoint_states (source, state, since) VALUES (?, ?, ?)"
            + " ON CONFLICT (source) DO UPDATE SET state = excluded.state, since = excluded.since",
        source,
        now,
        Micros.of(at));
  }

  /** An id that is the same however often the message is made: named after what it describes. */
  private static String stableId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String stepResult(String outcome) {
    if (outcome == null) {
      return "Aborted";
    }
    switch (outcome) {
      case "PASS":
        return "Passed";
      case "FAIL":
        return "Failed";
      case "SKIPPED":
        return "Skipped";
      default:
        return "Error";
    }
  }

  static String testResult(Outcome outcome) {
    switch (outcome) {
      case PASS:
        return "Passed";
      case FAIL:
        return "Failed";
      case ABORTED:
        return "Aborted";
      default:
        return "Error";
    }
  }

  static String workResult(Outcome outcome) {
    switch (outcome) {
      case PASS:
        return "Completed";
      case ABORTED:
        return "Aborted";
      default:
        return "Failed";
    }
  }
}
