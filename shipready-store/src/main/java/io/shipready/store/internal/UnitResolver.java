package io.shipready.store.internal;

import io.shipready.core.model.Identifier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or creates the unit a run is about when the run's identifiers arrive. An identifier some
 * unit already owns means that unit (a retest when the unit ran the same recipe, the same line
 * station, before); otherwise the run makes a new unit. A run that first made a new unit and then
 * reports an identifier another unit owns was that other unit all along: the new unit is merged
 * into it. Identifiers owned by yet another unit are kept as duplicates and reported, never
 * dropped.
 */
final class UnitResolver {
  private static final Logger log = LoggerFactory.getLogger(UnitResolver.class);

  private static final String CLAIM_TAIL =
      " ON CONFLICT (kind, value) WHERE duplicate = 0 DO NOTHING";
  private static final String KEEP_DUPLICATE =
      "INSERT INTO unit_identifiers (unit_id, kind, value, duplicate, first_seen, run_key)"
          + " VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING";
  private static final String ASSIGN =
      "UPDATE runs SET unit_id = ?, retest = (SELECT COUNT(*) FROM runs o WHERE o.unit_id = ?"
          + " AND o.recipe = runs.recipe"
          + " AND (o.started_at < ? OR (o.started_at = ? AND o.id < ?))) WHERE id = ?";

  private static final RowInsert CLAIM =
      new RowInsert(
          "unit_identifiers",
          "unit_id, kind, value, duplicate, first_seen, run_key",
          new int[] {
            RowInsert.BIGINT,
            RowInsert.TEXT,
            RowInsert.TEXT,
            RowInsert.INT,
            RowInsert.BIGINT,
            RowInsert.BIGINT
          },
          CLAIM_TAIL);
  private static final RowInsert CREATE_UNITS =
      new RowInsert(
          "units",
          "created_at, created_by_run",
          new int[] {RowInsert.BIGINT, RowInsert.BIGINT},
          " RETURNING id, created_by_run");
  private static final String SET_NEW_UNIT = "UPDATE runs SET unit_id = ?, retest = 0 WHERE id = ?";

  /** Identifiers looked up in one statement, at most. */
  private static final int LOOKUP_CHUNK = 256;

  private final Engine engine;

  UnitResolver(Engine engine) {
    this.engine = engine;
  }

  /** The rows of the runs a batch starts, which the batch writes once, when it ends. */
  interface RunRows {
    /**
     * Puts a new unit in the run's row, if that is not written yet.
     *
     * @return false when the row is in the database already (it is then updated)
     */
    boolean setUnit(long runKey, long unitId);

    /** Writes the rows not written yet (before anything reads runs). */
    void write() throws SQLException;
  }

  /** A resolver for one batch, writing through the batch's statements. */
  InBatch inBatch(Statements c, RunRows runs) {
    return new InBatch(c, runs);
  }

  /**
   * A run's identifiers as a batch carries them, known before the batch is written.
   *
   * @param runKey the run's key, or null when the run is not known yet (it is then resolved on its
   *     own when its turn comes)
   * @param hasUnit whether the run was resolved to a unit before this batch
   */
  record Identified(Long runKey, boolean hasUnit, List<Identifier> identifiers, long atMicros) {}

  /**
   * Resolves the runs of one batch of events, in the batch's order and with the same outcome as
   * resolving them one by one, in a few statements: every identifier of the batch is looked up at
   * once, the units of runs that carry only new identifiers are made together, and the rows of that
   * common case (claimed identifiers, the run's unit) wait until the batch ends or until anything
   * that reads them runs.
   */
  final class InBatch {
    private final Statements c;
    private final RunRows runs;
    private final Map<Identifier, Long> owners = new HashMap<>();
    private final Set<Identifier> looked = new HashSet<>();
    private final Map<Long, Long> madeAhead = new HashMap<>();
    private final List<Object[]> claims = new ArrayList<>();
    private final List<long[]> newUnits = new ArrayList<>();

    InBatch(Statements c, RunRows runs) {
      this.c = c;
      this.runs = runs;
    }

    /** Looks up every identifier of the batch, and makes the units its new runs will need. */
    void prepare(List<Identified> batch) throws SQLException {
      Set<Identifier> all = new LinkedHashSet<>();
      batch.forEach(run -> all.addAll(run.identifiers()));
      lookUp(new ArrayList<>(all));
      // A run needs a new unit when it has none and none of its identifiers is owned, now or by
      // an earlier run of this batch: exactly what resolve decides when its turn comes.
      Set<Identifier> seen = new HashSet<>();
      Set<Long> identified = new HashSet<>();
      List<Object[]> units = new ArrayList<>();
      for (Identified run : batch) {
        List<Identifier> ids = List.copyOf(new LinkedHashSet<>(run.identifiers()));
        if (ids.isEmpty() || run.runKey() == null) {
          continue;
        }
        boolean fresh =
            !run.hasUnit()
                && !identified.contains(run.runKey())
                && ids.stream().noneMatch(id -> owners.containsKey(id) || seen.contains(id));
        if (fresh) {
          units.add(new Object[] {run.atMicros(), run.runKey()});
        }
        seen.addAll(ids);
        identified.add(run.runKey());
      }
      CREATE_UNITS.returning(c, units, row -> madeAhead.put(row.getLong(2), row.getLong(1)));
    }

    private void lookUp(List<Identifier> ids) throws SQLException {
      for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
        List<Identifier> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
        owners.putAll(owners(c, chunk, engine));
        looked.addAll(chunk);
      }
    }

    /**
     * Resolves the run's unit and records the identifiers.
     *
     * @return the identifiers another unit owns, described for the run's record
     */
    List<String> resolve(RunState run, List<Identifier> found, long atMicros) throws SQLException {
      List<Identifier> ids = new ArrayList<>(new LinkedHashSet<>(found));
      if (ids.isEmpty()) {
        return List.of();
      }
      List<Identifier> unknown = ids.stream().filter(id -> !looked.contains(id)).toList();
      if (!unknown.isEmpty()) {
        flush();
        lookUp(unknown);
      }
      Map<Identifier, Long> owners = new HashMap<>();
      for (Identifier id : ids) {
        Long owner = this.owners.get(id);
        if (owner != null) {
          owners.put(id, owner);
        }
      }
      if (run.unitId == null) {
        Long owner = firstOwner(ids, owners, null);
        if (owner != null) {
          flush();
          run.unitId = owner;
          run.unitCreatedHere = false;
          assign(c, run);
        } else {
          Long made = madeAhead.remove(run.runKey);
          run.unitId = made != null ? made : createUnit(c, run.runKey, atMicros);
          run.unitCreatedHere = true;
          if (!runs.setUnit(run.runKey, run.unitId)) {
            newUnits.add(new long[] {run.unitId, run.runKey});
          }
        }
      } else if (run.unitCreatedHere) {
        Long other = firstOwner(ids, owners, run.unitId);
        if (other != null) {
          flush();
          if (!otherRunsReach(c, run)) {
            long merged = run.unitId;
            merge(c, run, merged, other);
            owners.replaceAll((id, unit) -> unit == merged ? other : unit);
            this.owners.replaceAll((id, unit) -> unit == merged ? other : unit);
          }
        }
      }
      for (Identifier id : ids) {
        if (!owners.containsKey(id)) {
          claims.add(new Object[] {run.unitId, id.kind(), id.value(), 0, atMicros, run.runKey});
          this.owners.put(id, run.unitId);
        }
      }
      List<String> conflicts = new ArrayList<>();
      for (Identifier id : ids) {
        Long owner = owners.get(id);
        if (owner != null && !owner.equals(run.unitId)) {
          flush();
          update(c, KEEP_DUPLICATE, run.unitId, id.kind(), id.value(), atMicros, run.runKey);
          conflicts.add(id + " is already carried by unit #" + owner);
        }
      }
      if (!conflicts.isEmpty()) {
        log.warn("run {} (unit #{}): {}", run.runKey, run.unitId, String.join("; ", conflicts));
      }
      return conflicts;
    }

    /** Writes what waits: the runs' rows, the identifiers claimed and the runs given new units. */
    void flush() throws SQLException {
      runs.write();
      if (!claims.isEmpty()) {
        int claimed = CLAIM.count(c, claims);
        if (claimed < claims.size()) {
          // Another station claimed one between our look-up and this insert: start the batch
          // over.
          throw new SqlErrors.ConcurrentClaimException(
              claims.stream().map(row -> row[1] + ":" + row[2]).toList().toString());
        }
        claims.clear();
      }
      if (!newUnits.isEmpty()) {
        PreparedStatement set = c.get(SET_NEW_UNIT);
        for (long[] row : newUnits) {
          set.setLong(1, row[0]);
          set.setLong(2, row[1]);
          set.addBatch();
        }
        set.executeBatch();
        newUnits.clear();
      }
    }

    /** Flushes, and removes the units made ahead that no run took (none, unless a run failed). */
    void finish() throws SQLException {
      flush();
      for (long unit : madeAhead.values()) {
        update(c, "DELETE FROM units WHERE id = ?", unit);
      }
      madeAhead.clear();
    }
  }

  private static Map<Identifier, Long> owners(Statements c, List<Identifier> ids, Engine engine)
      throws SQLException {
    // The lookup each engine does best: SQLite by value (its value index, kinds checked here);
    // PostgreSQL one exact (kind, value) probe of the owner index per identifier, the pairs sent
    // as two arrays, so one statement (prepared once, its plan cached) serves any count.
    PreparedStatement select;
    if (engine == Engine.SQLITE) {
      StringBuilder sql =
          new StringBuilder(
              "SELECT kind, value, unit_id FROM unit_identifiers WHERE duplicate = 0"
                  + " AND value IN (");
      for (int i = 0; i < ids.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      select = c.get(sql.append(')').toString());
      int index = 1;
      for (Identifier id : ids) {
        select.setString(index++, id.value());
      }
    } else {
      select =
          c.get(
              "SELECT u.kind, u.value, u.unit_id FROM unnest(?::text[], ?::text[]) AS i (kind,"
                  + " value) JOIN unit_identifiers u ON u.kind = i.kind AND u.value = i.value"
                  + " AND u.duplicate = 0");
      select.setArray(
          1,
          c.connection()
              .createArrayOf("text", ids.stream().map(Identifier::kind).toArray(String[]::new)));
      select.setArray(
          2,
          c.connection()
              .createArrayOf("text", ids.stream().map(Identifier::value).toArray(String[]::new)));
    }
    Set<Identifier> wanted = new HashSet<>(ids);
    Map<Identifier, Long> owners = new HashMap<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Identifier id = new Identifier(rows.getString(1), rows.getString(2));
        if (wanted.contains(id)) {
          owners.put(id, rows.getLong(3));
        }
      }
    }
    return owners;
  }

  private static Long firstOwner(List<Identifier> ids, Map<Identifier, Long> owners, Long not) {
    for (Identifier id : ids) {
      Long owner = owners.get(id);
      if (owner != null && !owner.equals(not)) {
        return owner;
      }
    }
    return null;
  }

  private static long createUnit(Statements c, long runKey, long atMicros) throws SQLException {
    PreparedStatement insert =
        c.get("INSERT INTO units (created_at, created_by_run) VALUES (?, ?) RETURNING id");
    insert.setLong(1, atMicros);
    insert.setLong(2, runKey);
    try (ResultSet key = insert.executeQuery()) {
      key.next();
      return key.getLong(1);
    }
  }

  private static void assign(Statements c, RunState run) throws SQLException {
    update(
        c,
        ASSIGN,
        run.unitId,
        run.unitId,
        run.startedMicros,
        run.startedMicros,
        run.runKey,
        run.runKey);
  }

  private static boolean otherRunsReach(Statements c, RunState run) throws SQLException {
    PreparedStatement select = c.get("SELECT COUNT(*) FROM runs WHERE unit_id = ? AND id <> ?");
    select.setLong(1, run.unitId);
    select.setLong(2, run.runKey);
    try (ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }

  /** Moves everything of the unit this run created onto the unit it turned out to be. */
  private static void merge(Statements c, RunState run, long from, long into) throws SQLException {
    List<Identifier> moving = new ArrayList<>();
    PreparedStatement select = c.get("SELECT kind, value FROM unit_identifiers WHERE unit_id = ?");
    select.setLong(1, from);
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        moving.add(new Identifier(rows.getString(1), rows.getString(2)));
      }
    }
    for (Identifier id : moving) {
      int moved =
          update(
              c,
              "UPDATE unit_identifiers SET unit_id = ? WHERE unit_id = ? AND kind = ? AND value = ?"
                  + " AND NOT EXISTS (SELECT 1 FROM unit_identifiers o"
                  + " WHERE o.unit_id = ? AND o.kind = ? AND o.value = ?)",
              into,
              from,
              id.kind(),
              id.value(),
              into,
              id.kind(),
              id.value());
      if (moved == 0) {
        // The unit already carries it (as a duplicate of the one being merged): keep one row,
        // and it is now the owner's.
        boolean owned =
            update(
                    c,
                    "DELETE FROM unit_identifiers WHERE unit_id = ? AND kind = ? AND value = ?"
                        + " AND duplicate = 0",
                    from,
                    id.kind(),
                    id.value())
                > 0;
        update(
            c,
            "DELETE FROM unit_identifiers WHERE unit_id = ? AND kind = ? AND value = ?",
            from,
            id.kind(),
            id.value());
        if (owned) {
          update(
              c,
              "UPDATE unit_identifiers SET duplicate = 0 WHERE unit_id = ? AND kind = ?"
                  + " AND value = ?",
              into,
              id.kind(),
              id.value());
        }
      }
    }
    run.unitId = into;
    run.unitCreatedHere = false;
    assign(c, run);
    for (String table :
        List.of(
            "labels_printed",
            "factory_file_rows",
            "provisioning_state",
            "provisioning_operations",
            "route_events",
            "packed_units")) {
      update(c, "UPDATE " + table + " SET unit_id = ? WHERE unit_id = ?", into, from);
    }
    try {
      update(c, "DELETE FROM units WHERE id = ?", from);
    } catch (SQLException stillUsed) {
      if ("23503".equals(stillUsed.getSQLState())) {
        // Another station's run reached the unit meanwhile: write the batch again.
        throw new SqlErrors.ConcurrentClaimException("unit #" + from);
      }
      throw stillUsed;
    }
    log.info("run {}: unit #{} is unit #{}, merged", run.runKey, from, into);
  }

  private static int update(Statements c, String sql, Object... args) throws SQLException {
    return c.update(sql, args);
  }
}
