package io.shipready.store.internal;

import io.shipready.core.model.Identifier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  private static final String CLAIM_HEAD =
      "INSERT INTO unit_identifiers (unit_id, kind, value, duplicate, first_seen, run_key) VALUES ";
  private static final String CLAIM_TAIL =
      " ON CONFLICT (kind, value) WHERE duplicate = 0 DO NOTHING";
  private static final String KEEP_DUPLICATE =
      "INSERT INTO unit_identifiers (unit_id, kind, value, duplicate, first_seen, run_key)"
          + " VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING";
  private static final String ASSIGN =
      "UPDATE runs SET unit_id = ?, retest = (SELECT COUNT(*) FROM runs o WHERE o.unit_id = ?"
          + " AND o.recipe = runs.recipe"
          + " AND (o.started_at < ? OR (o.started_at = ? AND o.id < ?))) WHERE id = ?";

  private final Engine engine;

  UnitResolver(Engine engine) {
    this.engine = engine;
  }

  /**
   * Resolves the run's unit and records the identifiers.
   *
   * @return the identifiers another unit owns, described for the run's record
   */
  List<String> resolve(Statements c, RunState run, List<Identifier> found, long atMicros)
      throws SQLException {
    List<Identifier> ids = new ArrayList<>(new LinkedHashSet<>(found));
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Identifier, Long> owners = owners(c, ids, engine);
    if (run.unitId == null) {
      Long owner = firstOwner(ids, owners, null);
      if (owner != null) {
        run.unitId = owner;
        run.unitCreatedHere = false;
        assign(c, run);
      } else {
        run.unitId = createUnit(c, run.runKey, atMicros);
        run.unitCreatedHere = true;
        update(c, "UPDATE runs SET unit_id = ?, retest = 0 WHERE id = ?", run.unitId, run.runKey);
      }
    } else if (run.unitCreatedHere) {
      Long other = firstOwner(ids, owners, run.unitId);
      if (other != null && !otherRunsReach(c, run)) {
        long merged = run.unitId;
        merge(c, run, merged, other);
        owners.replaceAll((id, unit) -> unit == merged ? other : unit);
      }
    }
    claim(c, run, ids.stream().filter(id -> !owners.containsKey(id)).toList(), atMicros);
    List<String> conflicts = new ArrayList<>();
    for (Identifier id : ids) {
      Long owner = owners.get(id);
      if (owner != null && !owner.equals(run.unitId)) {
        update(c, KEEP_DUPLICATE, run.unitId, id.kind(), id.value(), atMicros, run.runKey);
        conflicts.add(id + " is already carried by unit #" + owner);
      }
    }
    if (!conflicts.isEmpty()) {
      log.warn("run {} (unit #{}): {}", run.runKey, run.unitId, String.join("; ", conflicts));
    }
    return conflicts;
  }

  /** Records the identifiers no unit owns yet as the run's unit's own. */
  private static void claim(Statements c, RunState run, List<Identifier> ids, long atMicros)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder(CLAIM_HEAD);
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, 0, ?, ?)");
    }
    PreparedStatement insert = c.get(sql.append(CLAIM_TAIL).toString());
    int index = 1;
    for (Identifier id : ids) {
      insert.setLong(index++, run.unitId);
      insert.setString(index++, id.kind());
      insert.setString(index++, id.value());
      insert.setLong(index++, atMicros);
      insert.setLong(index++, run.runKey);
    }
    if (insert.executeUpdate() < ids.size()) {
      // Another station claimed one between our look-up and this insert: start the batch over.
      throw new SqlErrors.ConcurrentClaimException(ids.toString());
    }
  }

  private static Map<Identifier, Long> owners(Statements c, List<Identifier> ids, Engine engine)
      throws SQLException {
    // The lookup each engine does best: SQLite by value (its value index, kinds checked here);
    // PostgreSQL one exact (kind, value) probe of the owner index per identifier, a form whose
    // cached generic plan stays an index probe however large the table grows.
    boolean byValue = engine == Engine.SQLITE;
    StringBuilder sql = new StringBuilder();
    if (byValue) {
      sql.append("SELECT kind, value, unit_id FROM unit_identifiers WHERE duplicate = 0")
          .append(" AND value IN (");
      for (int i = 0; i < ids.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append(')');
    } else {
      for (int i = 0; i < ids.size(); i++) {
        sql.append(i == 0 ? "" : " UNION ALL ")
            .append("SELECT kind, value, unit_id FROM unit_identifiers")
            .append(" WHERE kind = ? AND value = ? AND duplicate = 0");
      }
    }
    Map<Identifier, Long> owners = new HashMap<>();
    PreparedStatement select = c.get(sql.toString());
    int index = 1;
    for (Identifier id : ids) {
      if (!byValue) {
        select.setString(index++, id.kind());
      }
      select.setString(index++, id.value());
    }
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Identifier id = new Identifier(rows.getString(1), rows.getString(2));
        if (ids.contains(id)) {
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
