package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.store.internal.Micros;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * What the store holds of one station's runs that started at or after a moment, counted by SQL: the
 * check that many stations writing into one database lost no unit and recorded none twice.
 *
 * @param runs runs stored
 * @param passed of them, ended PASS
 * @param open of them, never ended
 * @param unitNumbersTwice runs beyond the first of a unit number the station ran more than once
 * @param withoutUnit runs no unit was found or made for
 * @param units distinct units the runs are about
 * @param unitsRunElsewhere of those units, the ones with a run besides these (any station, any
 *     time): a unit another run took for itself, or one merged into another
 * @param duplicateIdentifiers identifiers these runs reported that another unit already owned
 * @param stepResults step attempts stored with their outcome
 */
public record StationTally(
    String stationId,
    long runs,
    long passed,
    long open,
    long unitNumbersTwice,
    long withoutUnit,
    long units,
    long unitsRunElsewhere,
    long duplicateIdentifiers,
    long stepResults) {

  private static final String RUNS =
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN outcome = 'PASS' THEN 1 ELSE 0 END), 0),"
          + " COALESCE(SUM(CASE WHEN outcome IS NULL THEN 1 ELSE 0 END), 0),"
          + " COALESCE(SUM(CASE WHEN unit_id IS NULL THEN 1 ELSE 0 END), 0),"
          + " COUNT(DISTINCT unit_id), COUNT(DISTINCT unit_number)"
          + " FROM runs WHERE station_id = :station AND started_at >= :since";
  private static final String THESE_RUNS =
      "SELECT id FROM runs WHERE station_id = :station AND started_at >= :since";
  private static final String UNITS_RUN_ELSEWHERE =
      "SELECT COUNT(*) FROM (SELECT o.unit_id FROM runs o WHERE o.unit_id IN (SELECT unit_id FROM"
          + " runs WHERE station_id = :station AND started_at >= :since) GROUP BY o.unit_id"
          + " HAVING COUNT(*) > 1) twice";
  private static final String DUPLICATE_IDENTIFIERS =
      "SELECT COUNT(*) FROM unit_identifiers WHERE duplicate <> 0 AND run_key IN ("
          + THESE_RUNS
          + ")";
  private static final String STEP_RESULTS =
      "SELECT COUNT(*) FROM step_attempts WHERE outcome IS NOT NULL AND run_key IN ("
          + THESE_RUNS
          + ")";

  /** Counts the station's runs that started at or after {@code since}. */
  public static StationTally of(Store store, String stationId, Instant since) {
    requireNonNull(store, "store");
    requireNonNull(stationId, "stationId");
    long micros = Micros.of(requireNonNull(since, "since"));
    try {
      return store
          .database()
          .jdbi()
          .withHandle(
              handle -> {
                long[] runs =
                    handle
                        .createQuery(RUNS)
                        .bind("station", stationId)
                        .bind("since", micros)
                        .map(
                            (rs, ctx) -> {
                              long[] row = new long[6];
                              for (int i = 0; i < row.length; i++) {
                                row[i] = rs.getLong(i + 1);
                              }
                              return row;
                            })
                        .one();
                return new StationTally(
                    stationId,
                    runs[0],
                    runs[1],
                    runs[2],
                    runs[0] - runs[5],
                    runs[3],
                    runs[4],
                    count(handle, UNITS_RUN_ELSEWHERE, stationId, micros),
                    count(handle, DUPLICATE_IDENTIFIERS, stationId, micros),
                    count(handle, STEP_RESULTS, stationId, micros));
              });
    } catch (JdbiException failed) {
      throw new StoreException(
          "Cannot count the runs of station " + stationId + " in the store " + store.describe(),
          failed);
    }
  }

  /** True when the runs are exactly {@code expectedRuns} units, each once, with every step. */
  public boolean exactly(long expectedRuns, long stepsPerRun) {
    return runs == expectedRuns
        && open == 0
        && unitNumbersTwice == 0
        && withoutUnit == 0
        && units == expectedRuns
        && unitsRunElsewhere == 0
        && duplicateIdentifiers == 0
        && stepResults == expectedRuns * stepsPerRun;
  }

  private static long count(Handle handle, String sql, String stationId, long since) {
    return handle
        .createQuery(sql)
        .bind("station", stationId)
        .bind("since", since)
        .mapTo(Long.class)
        .one();
  }
}
