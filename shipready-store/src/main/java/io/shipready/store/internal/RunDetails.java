package io.shipready.store.internal;

import io.shipready.core.event.Event.IrreversibleOperation.Phase;
import io.shipready.core.model.Secrets;
import io.shipready.store.UnitTrace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The per-run records of a set of runs, loaded with one query per table (records sit together by
 * run key, so each is one index range per run).
 */
final class RunDetails {
  private record AttemptKey(long runKey, String stepId, int attempt) {}

  private final Map<Long, List<UnitTrace.StepAttempt>> steps = new HashMap<>();
  private Map<Long, List<UnitTrace.Attribute>> attributes = Map.of();
  private Map<Long, List<UnitTrace.Image>> images = Map.of();
  private Map<Long, List<UnitTrace.Audit>> audit = Map.of();
  private Map<Long, List<UnitTrace.Component>> components = Map.of();

  /** Loads steps with their measurements, and (when {@code everything}) the other records. */
  static RunDetails load(
      Handle handle, Collection<Long> runKeys, Map<Long, String> runIds, boolean everything) {
    RunDetails details = new RunDetails();
    if (runKeys.isEmpty()) {
      return details;
    }
    List<Long> keys = List.copyOf(runKeys);
    // Each attempt with its measurements, in one query: one row per measurement, or one with no
    // measurement for an attempt that took none.
    record Row(long runKey, UnitTrace.StepAttempt attempt, UnitTrace.MeasurementValue value) {}
    List<Row> rows =
        handle
            .createQuery(
                "SELECT s.run_key, s.step_id, s.kind, s.attempt, s.outcome, s.message,"
                    + " s.started_at, s.ended_at, s.duration_us, m.name, m.value_num,"
                    + " m.value_text, m.units, m.limits, m.passed, m.message AS m_message,"
                    + " m.taken_at FROM step_attempts s LEFT JOIN measurements m"
                    + " ON m.run_key = s.run_key AND m.step_id = s.step_id"
                    + " AND m.attempt = s.attempt"
                    + " WHERE s.run_key IN (<keys>) ORDER BY s.run_key, s.seq, m.seq")
            .bindList("keys", keys)
            .map(
                (rs, ctx) ->
                    new Row(
                        rs.getLong("run_key"),
                        new UnitTrace.StepAttempt(
                            rs.getString("step_id"),
                            Rows.text(rs, "kind"),
                            rs.getInt("attempt"),
                            Rows.stepOutcome(rs, "outcome"),
                            Rows.text(rs, "message"),
                            Rows.instant(rs, "started_at"),
                            Rows.instant(rs, "ended_at"),
                            Micros.durationOrNull(Rows.nullableLong(rs, "duration_us")),
                            List.of()),
                        rs.getString("name") == null
                            ? null
                            : new UnitTrace.MeasurementValue(
                                rs.getString("name"),
                                valueText(rs),
                                Rows.nullableDouble(rs, "value_num"),
                                Rows.text(rs, "units"),
                                Json.readStrings(rs.getString("limits")),
                                rs.getInt("passed") != 0,
                                Rows.text(rs, "m_message"),
                                Rows.instant(rs, "taken_at"))))
            .list();
    Map<AttemptKey, UnitTrace.StepAttempt> attempts = new LinkedHashMap<>();
    Map<AttemptKey, List<UnitTrace.MeasurementValue>> measurements = new HashMap<>();
    for (Row row : rows) {
      AttemptKey key =
          new AttemptKey(row.runKey(), row.attempt().stepId(), row.attempt().attempt());
      attempts.putIfAbsent(key, row.attempt());
      List<UnitTrace.MeasurementValue> values =
          measurements.computeIfAbsent(key, k -> new ArrayList<>());
      if (row.value() != null) {
        values.add(row.value());
      }
    }
    attempts.forEach(
        (key, attempt) ->
            details
                .steps
                .computeIfAbsent(key.runKey(), k -> new ArrayList<>())
                .add(
                    new UnitTrace.StepAttempt(
                        attempt.stepId(),
                        attempt.kind(),
                        attempt.attempt(),
                        attempt.outcome(),
                        attempt.message(),
                        attempt.started(),
                        attempt.ended(),
                        attempt.duration(),
                        measurements.get(key))));
    if (!everything) {
      return details;
    }
    // The four smaller per-run tables in one round trip: columns a, b, c are each table's own.
    Map<Long, List<UnitTrace.Attribute>> attributes = new HashMap<>();
    Map<Long, List<UnitTrace.Image>> images = new HashMap<>();
    Map<Long, List<UnitTrace.Audit>> audit = new HashMap<>();
    Map<Long, List<UnitTrace.Component>> components = new HashMap<>();
    handle
        .createQuery(
            "SELECT 'attribute' AS type, run_key, seq, step_id, name AS a, value AS b, '' AS c,"
                + " recorded_at AS at FROM attributes WHERE run_key IN (<keys>)"
                + " UNION ALL SELECT 'image', run_key, seq, step_id, name, version, sha256,"
                + " written_at FROM images_written WHERE run_key IN (<keys>)"
                + " UNION ALL SELECT 'audit', run_key, seq, step_id, phase, detail, '', happened_at"
                + " FROM irreversible_operations WHERE run_key IN (<keys>)"
                + " UNION ALL SELECT 'component', run_key, seq, step_id, position, barcode, '',"
                + " linked_at FROM components WHERE run_key IN (<keys>)"
                + " ORDER BY run_key, seq")
        .bindList("keys", keys)
        .map(
            (rs, ctx) -> {
              long run = rs.getLong("run_key");
              String step = rs.getString("step_id");
              String a = rs.getString("a");
              String b = rs.getString("b");
              java.time.Instant at = Rows.instant(rs, "at");
              switch (rs.getString("type")) {
                case "attribute" ->
                    attributes
                        .computeIfAbsent(run, k -> new ArrayList<>())
                        .add(new UnitTrace.Attribute(step, a, Secrets.shown(a, b), at));
                case "image" ->
                    images
                        .computeIfAbsent(run, k -> new ArrayList<>())
                        .add(new UnitTrace.Image(step, a, b, rs.getString("c"), at));
                case "audit" ->
                    audit
                        .computeIfAbsent(run, k -> new ArrayList<>())
                        .add(new UnitTrace.Audit(step, Phase.valueOf(a), b, at));
                default ->
                    components
                        .computeIfAbsent(run, k -> new ArrayList<>())
                        .add(new UnitTrace.Component(a, b, runIds.get(run), step, at));
              }
              return run;
            })
        .list();
    details.attributes = attributes;
    details.images = images;
    details.audit = audit;
    details.components = components;
    return details;
  }

  /** The value as text: as stored, or for a double, its number's own text. */
  private static String valueText(java.sql.ResultSet rs) throws java.sql.SQLException {
    String text = rs.getString("value_text");
    if (text != null) {
      return text;
    }
    Double number = Rows.nullableDouble(rs, "value_num");
    return number == null ? null : Double.toString(number);
  }

  List<UnitTrace.StepAttempt> steps(long runKey) {
    return steps.getOrDefault(runKey, List.of());
  }

  List<UnitTrace.Attribute> attributes(long runKey) {
    return attributes.getOrDefault(runKey, List.of());
  }

  List<UnitTrace.Image> images(long runKey) {
    return images.getOrDefault(runKey, List.of());
  }

  List<UnitTrace.Audit> audit(long runKey) {
    return audit.getOrDefault(runKey, List.of());
  }

  List<UnitTrace.Component> components(long runKey) {
    return components.getOrDefault(runKey, List.of());
  }
}
