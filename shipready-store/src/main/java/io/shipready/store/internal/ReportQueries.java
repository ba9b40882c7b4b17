package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Secrets;
import io.shipready.store.report.RunFilter;
import io.shipready.store.report.RunListing;
import io.shipready.store.report.ShiftReport;
import io.shipready.store.report.ShiftReport.Failures;
import io.shipready.store.report.ShiftReport.MeasurementValues;
import io.shipready.store.report.ShiftReport.RetestedUnit;
import io.shipready.store.report.ShiftReport.StationYield;
import io.shipready.store.report.ShiftReport.StepYield;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The shift report's and the run list's queries. Plain SQL both engines run alike; what SQL would
 * say differently on each (per-unit first and last runs) is worked out here from the runs of the
 * stretch, which a shift keeps small.
 */
public final class ReportQueries {
  /** Identifiers are read for this many units per query (SQLite limits bound parameters). */
  private static final int CHUNK = 500;

  /**
   * Words with a figure in them (values, counts, slots, serials, ids, versions) differ from run to
   * run; the symptom leaves them out.
   */
  private static final Pattern FIGURES = Pattern.compile("-?[A-Za-z0-9_.:-]*[0-9][A-Za-z0-9_.:-]*");

  private static final int SYMPTOM_LENGTH = 90;

  private record RunRow(
      long key,
      Long unitId,
      String station,
      String recipe,
      int retest,
      long started,
      long ended,
      String outcome,
      String failedStep,
      String message) {
    /** A unit's key, or the run's own (negated) when the run never identified its unit. */
    long unitKey() {
      return unitId != null ? unitId : -key;
    }

    boolean failed() {
      return "FAIL".equals(outcome) || "ERROR".equals(outcome);
    }
  }

  /** A station running a recipe: what the report counts apart. */
  private record Where(String station, String recipe) {
    static Where of(RunRow run) {
      return new Where(run.station(), run.recipe());
    }
  }

  private record WhereStep(Where where, String step) {}

  private final Jdbi jdbi;

  public ReportQueries(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  public ShiftReport shiftReport(Instant since, String station) {
    requireNonNull(since, "since");
    String only = station == null || station.isBlank() ? null : station;
    return jdbi.withHandle(
        handle -> {
          List<RunRow> runs = endedRuns(handle, since, only);
          if (runs.isEmpty()) {
            return new ShiftReport(
                since, only, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
          }
          Map<Where, List<RunRow>> byStation =
              new TreeMap<>(Comparator.comparing(Where::station).thenComparing(Where::recipe));
          runs.forEach(
              run -> byStation.computeIfAbsent(Where.of(run), s -> new ArrayList<>()).add(run));
          Map<String, Boolean> simulated =
              simulatedStations(
                  handle, byStation.keySet().stream().map(Where::station).distinct().toList());
          List<StationYield> stations = new ArrayList<>();
          List<RetestedUnit> retests = new ArrayList<>();
          List<List<RunRow>> retestedUnits = new ArrayList<>();
          byStation.forEach(
              (where, stationRuns) ->
                  stations.add(
                      stationYield(
                          where,
                          stationRuns,
                          simulated.getOrDefault(where.station(), false),
                          retestedUnits)));
          Map<Long, String> names =
              unitNames(
                  handle,
                  retestedUnits.stream()
                      .map(unitRuns -> unitRuns.get(0).unitKey())
                      .filter(key -> key > 0)
                      .distinct()
                      .toList());
          for (List<RunRow> unitRuns : retestedUnits) {
            RunRow first = unitRuns.get(0);
            retests.add(
                new RetestedUnit(
                    first.station(),
                    first.recipe(),
                    names.getOrDefault(first.unitKey(), "#" + first.unitKey()),
                    unitRuns.stream().map(RunRow::outcome).toList()));
          }
          return new ShiftReport(
              since,
              only,
              Micros.instant(runs.stream().mapToLong(RunRow::started).min().orElseThrow()),
              Micros.instant(runs.stream().mapToLong(RunRow::ended).max().orElseThrow()),
              stations,
              steps(handle, since, only),
              failuresByStep(runs),
              failuresBySymptom(handle, since, only, runs),
              measurements(handle, since, only),
              retests);
        });
  }

  public List<RunListing> runs(RunFilter filter) {
    requireNonNull(filter, "filter");
    return jdbi.withHandle(
        handle -> {
          StringBuilder sql =
              new StringBuilder(
                  "SELECT r.run_id, r.unit_id, r.station_id, r.slot, r.recipe, r.retest,"
                      + " r.outcome, r.failed_step, r.message, r.started_at, r.ended_at"
                      + " FROM runs r WHERE 1 = 1");
          if (filter.notPassed()) {
            sql.append(" AND r.outcome IN ('FAIL', 'ERROR', 'ABORTED')");
          }
          if (filter.station() != null) {
            sql.append(" AND r.station_id = :station");
          }
          if (filter.failedStep() != null) {
            sql.append(" AND r.failed_step = :step");
          }
          if (filter.since() != null) {
            sql.append(" AND r.started_at >= :since");
          }
          // Runs get their keys as they start: the newest keys are the newest runs, and the key
          // order needs no index of its own.
          sql.append(" ORDER BY r.id DESC LIMIT :limit");
          Query query = handle.createQuery(sql.toString()).bind("limit", filter.limit());
          if (filter.station() != null) {
            query.bind("station", filter.station());
          }
          if (filter.failedStep() != null) {
            query.bind("step", filter.failedStep());
          }
          if (filter.since() != null) {
            query.bind("since", Micros.of(filter.since()));
          }
          record Row(
              String runId,
              Long unitId,
              String station,
              String slot,
              String recipe,
              int retest,
              String outcome,
              String failedStep,
              String message,
              long started,
              Long ended) {}
          List<Row> rows =
              query
                  .map(
                      (rs, ctx) ->
                          new Row(
                              rs.getString("run_id"),
                              (Long) rs.getObject("unit_id", Long.class),
                              rs.getString("station_id"),
                              rs.getString("slot"),
                              rs.getString("recipe"),
                              rs.getInt("retest"),
                              rs.getString("outcome"),
                              rs.getString("failed_step"),
                              rs.getString("message"),
                              rs.getLong("started_at"),
                              (Long) rs.getObject("ended_at", Long.class)))
                  .list();
          Map<Long, List<Identifier>> identifiers =
              identifiers(
                  handle,
                  rows.stream().map(Row::unitId).filter(u -> u != null).distinct().toList());
          List<RunListing> listed = new ArrayList<>();
          for (Row row : rows) {
            List<Identifier> ids =
                row.unitId() == null
                    ? List.of()
                    : identifiers.getOrDefault(row.unitId(), List.of());
            listed.add(
                new RunListing(
                    row.runId(),
                    row.unitId() == null ? "" : TraceQueries.bestName(ids, row.unitId()),
                    ids,
                    row.station(),
                    row.slot(),
                    row.recipe(),
                    row.retest(),
                    row.outcome(),
                    row.failedStep(),
                    row.message(),
                    Micros.instant(row.started()),
                    Micros.instantOrNull(row.ended())));
          }
          return listed;
        });
  }

  /** The ended runs of the stretch, oldest start first. */
  private static List<RunRow> endedRuns(Handle handle, Instant since, String station) {
    Query query =
        handle.createQuery(
            "SELECT r.id, r.unit_id, r.station_id, r.recipe, r.retest, r.started_at, r.ended_at,"
                + " r.outcome, r.failed_step, r.message FROM runs r WHERE"
                + window(station)
                + " ORDER BY r.started_at, r.id");
    return bindWindow(query, since, station)
        .map(
            (rs, ctx) ->
                new RunRow(
                    rs.getLong("id"),
                    (Long) rs.getObject("unit_id", Long.class),
                    rs.getString("station_id"),
                    rs.getString("recipe"),
                    rs.getInt("retest"),
                    rs.getLong("started_at"),
                    rs.getLong("ended_at"),
                    rs.getString("outcome"),
                    rs.getString("failed_step") == null ? "" : rs.getString("failed_step"),
                    rs.getString("message") == null ? "" : rs.getString("message")))
        .list();
  }

  /** The runs a report counts, as a WHERE condition on {@code runs r}. */
  private static String window(String station) {
    return " r.outcome IS NOT NULL AND r.ended_at >= :since"
        + (station == null ? "" : " AND r.station_id = :station");
  }

  private static Query bindWindow(Query query, Instant since, String station) {
    query.bind("since", Micros.of(since));
    if (station != null) {
      query.bind("station", station);
    }
    return query;
  }

  /**
   * Counts a station's runs of a recipe by unit. The runs' own retest count is not used: it counts
   * the unit's runs at every station, and a unit passing through a line runs at each.
   */
  private static StationYield stationYield(
      Where where, List<RunRow> runs, boolean simulated, List<List<RunRow>> retested) {
    Map<Long, List<RunRow>> byUnit = new LinkedHashMap<>();
    runs.forEach(run -> byUnit.computeIfAbsent(run.unitKey(), u -> new ArrayList<>()).add(run));
    int firstPass = 0;
    int finalPass = 0;
    for (List<RunRow> unitRuns : byUnit.values()) {
      if ("PASS".equals(unitRuns.get(0).outcome())) {
        firstPass++;
      }
      if ("PASS".equals(unitRuns.get(unitRuns.size() - 1).outcome())) {
        finalPass++;
      }
      if (unitRuns.size() > 1) {
        retested.add(unitRuns);
      }
    }
    return new StationYield(
        where.station(),
        where.recipe(),
        simulated,
        runs.size(),
        byUnit.size(),
        count(runs, "PASS"),
        count(runs, "FAIL"),
        count(runs, "ERROR"),
        count(runs, "ABORTED"),
        firstPass,
        finalPass,
        runs.size() - byUnit.size(),
        Micros.instant(runs.stream().mapToLong(RunRow::started).min().orElseThrow()),
        Micros.instant(runs.stream().mapToLong(RunRow::ended).max().orElseThrow()));
  }

  private static int count(List<RunRow> runs, String outcome) {
    return (int) runs.stream().filter(run -> outcome.equals(run.outcome())).count();
  }

  /**
   * Whether each station ran simulated units: its record keeps the configuration it last ran with,
   * which says so.
   */
  private static Map<String, Boolean> simulatedStations(Handle handle, Collection<String> ids) {
    Map<String, Boolean> simulated = new HashMap<>();
    handle
        .createQuery("SELECT station_id, config_json FROM stations WHERE station_id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> Map.entry(rs.getString("station_id"), rs.getString("config_json")))
        .list()
        .forEach(row -> simulated.put(row.getKey(), simulatedIn(row.getValue())));
    return simulated;
  }

  private static boolean simulatedIn(String configJson) {
    try {
      JsonNode config = Json.MAPPER.readTree(configJson == null ? "{}" : configJson);
      return config != null && "true".equals(config.path("simulated").asText());
    } catch (JsonProcessingException notJson) {
      return false;
    }
  }

  private static List<StepYield> steps(Handle handle, Instant since, String station) {
    // attempt 0 is a skip: the step did not run.
    Query query =
        handle.createQuery(
            "SELECT r.station_id, r.recipe, a.step_id, MIN(a.kind) AS kind,"
                + " COUNT(DISTINCT a.run_key) AS runs,"
                + " COUNT(DISTINCT CASE WHEN a.outcome = 'PASS' THEN a.run_key END) AS passed,"
                + " SUM(CASE WHEN a.outcome = 'PASS' AND a.attempt = 1 THEN 1 ELSE 0 END)"
                + " AS first_try, COUNT(*) AS attempts, AVG(a.duration_us) AS mean_us,"
                + " MAX(a.duration_us) AS max_us, MIN(a.seq) AS first_seq"
                + " FROM step_attempts a JOIN runs r ON r.id = a.run_key WHERE"
                + window(station)
                + " AND a.attempt > 0 GROUP BY r.station_id, r.recipe, a.step_id"
                + " ORDER BY r.station_id, r.recipe, MIN(a.seq), a.step_id");
    return bindWindow(query, since, station)
        .map(
            (rs, ctx) ->
                new StepYield(
                    rs.getString("station_id"),
                    rs.getString("recipe"),
                    rs.getString("step_id"),
                    rs.getString("kind"),
                    rs.getInt("runs"),
                    rs.getInt("passed"),
                    rs.getInt("first_try"),
                    rs.getInt("attempts"),
                    Micros.duration(Math.round(rs.getDouble("mean_us"))),
                    Micros.duration(rs.getLong("max_us"))))
        .list();
  }

  private static List<Failures> failuresByStep(List<RunRow> runs) {
    Map<WhereStep, List<RunRow>> byStep = new LinkedHashMap<>();
    for (RunRow run : runs) {
      if (run.failed()) {
        byStep
            .computeIfAbsent(new WhereStep(Where.of(run), run.failedStep()), s -> new ArrayList<>())
            .add(run);
      }
    }
    List<Failures> failures = new ArrayList<>();
    byStep.forEach(
        (at, failed) ->
            failures.add(
                new Failures(
                    at.where().station(),
                    at.where().recipe(),
                    at.step(),
                    "",
                    failed.size(),
                    failed.get(0).message())));
    return mostFirst(failures);
  }

  private static List<Failures> failuresBySymptom(
      Handle handle, Instant since, String station, List<RunRow> runs) {
    // The measurements that failed at the step where the run stopped name its symptom.
    Query query =
        handle.createQuery(
            "SELECT m.run_key, m.name FROM measurements m JOIN runs r ON r.id = m.run_key WHERE"
                + window(station)
                + " AND r.outcome IN ('FAIL', 'ERROR') AND m.passed = 0"
                + " AND m.step_id = r.failed_step ORDER BY m.run_key, m.name");
    Map<Long, Set<String>> outOfLimits = new HashMap<>();
    bindWindow(query, since, station)
        .map((rs, ctx) -> Map.entry(rs.getLong("run_key"), rs.getString("name")))
        .list()
        .forEach(
            row ->
                outOfLimits
                    .computeIfAbsent(row.getKey(), k -> new TreeSet<>())
                    .add(row.getValue()));
    record Cause(Where where, String step, String symptom) {}
    Map<Cause, List<RunRow>> byCause = new LinkedHashMap<>();
    for (RunRow run : runs) {
      if (!run.failed()) {
        continue;
      }
      Set<String> names = outOfLimits.get(run.key());
      String symptom =
          names != null ? String.join(", ", names) + " out of limits" : symptomOf(run.message());
      byCause
          .computeIfAbsent(
              new Cause(Where.of(run), run.failedStep(), symptom), c -> new ArrayList<>())
          .add(run);
    }
    List<Failures> failures = new ArrayList<>();
    byCause.forEach(
        (cause, failed) ->
            failures.add(
                new Failures(
                    cause.where().station(),
                    cause.where().recipe(),
                    cause.step(),
                    cause.symptom(),
                    failed.size(),
                    failed.get(0).message())));
    return mostFirst(failures);
  }

  /** A message with its figures left out, so the same fault on two units reads the same. */
  static String symptomOf(String message) {
    String symptom = FIGURES.matcher(message.strip()).replaceAll("#").replaceAll("\\s+", " ");
    if (symptom.isEmpty()) {
      return "(no message)";
    }
    return symptom.length() <= SYMPTOM_LENGTH
        ? symptom
        : symptom.substring(0, SYMPTOM_LENGTH - 1) + "…";
  }

  private static List<Failures> mostFirst(List<Failures> failures) {
    return failures.stream()
        .sorted(
            Comparator.comparingInt(Failures::runs)
                .reversed()
                .thenComparing(Failures::stationId)
                .thenComparing(Failures::recipe)
                .thenComparing(Failures::stepId)
                .thenComparing(Failures::symptom))
        .toList();
  }

  private static List<MeasurementValues> measurements(
      Handle handle, Instant since, String station) {
    Query query =
        handle.createQuery(
            "SELECT r.station_id, r.recipe, m.step_id, m.name, m.units, m.limits, m.value_num,"
                + " m.passed"
                + " FROM measurements m JOIN runs r ON r.id = m.run_key WHERE"
                + window(station)
                + " AND m.value_num IS NOT NULL ORDER BY r.station_id, r.recipe, m.taken_at,"
                + " m.run_key, m.seq");
    record Key(String station, String recipe, String step, String name) {}
    final class Values {
      String units;
      String limits;
      final List<Double> values = new ArrayList<>();
      int failed;
    }
    Map<Key, Values> byMeasurement = new LinkedHashMap<>();
    bindWindow(query, since, station)
        .map(
            (rs, ctx) -> {
              Values values =
                  byMeasurement.computeIfAbsent(
                      new Key(
                          rs.getString("station_id"),
                          rs.getString("recipe"),
                          rs.getString("step_id"),
                          rs.getString("name")),
                      k -> new Values());
              values.units = rs.getString("units");
              values.limits = rs.getString("limits");
              values.values.add(rs.getDouble("value_num"));
              values.failed += rs.getInt("passed") == 0 ? 1 : 0;
              return values;
            })
        .list();
    List<MeasurementValues> measurements = new ArrayList<>();
    byMeasurement.forEach(
        (key, values) ->
            measurements.add(
                new MeasurementValues(
                    key.station(),
                    key.recipe(),
                    key.step(),
                    key.name(),
                    values.units,
                    Json.readStrings(values.limits),
                    values.values,
                    values.failed)));
    return measurements;
  }

  private static Map<Long, String> unitNames(Handle handle, List<Long> units) {
    Map<Long, String> names = new HashMap<>();
    identifiers(handle, units)
        .forEach((unit, ids) -> names.put(unit, TraceQueries.bestName(ids, unit)));
    return names;
  }

  /** Every identifier of each unit, in the order they were first seen. */
  private static Map<Long, List<Identifier>> identifiers(Handle handle, List<Long> units) {
    Map<Long, List<Identifier>> identifiers = new HashMap<>();
    for (int from = 0; from < units.size(); from += CHUNK) {
      handle
          .createQuery(
              "SELECT unit_id, kind, value FROM unit_identifiers WHERE unit_id IN (<units>)"
                  + " ORDER BY unit_id, first_seen, kind, value")
          .bindList("units", units.subList(from, Math.min(units.size(), from + CHUNK)))
          .map(
              (rs, ctx) ->
                  Map.entry(
                      rs.getLong("unit_id"),
                      Secrets.shown(new Identifier(rs.getString("kind"), rs.getString("value")))))
          .list()
          .forEach(
              row ->
                  identifiers
                      .computeIfAbsent(row.getKey(), u -> new ArrayList<>())
                      .add(row.getValue()));
    }
    return identifiers;
  }
}
