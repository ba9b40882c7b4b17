package io.shipready.app.cfx;

import io.shipready.core.engine.RunIds;
import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.EventListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: a unit's run as events, and what an SQLite store's CFX outbox holds. */
final class OutboxRows {
  private OutboxRows() {}

  /** One unit's run, start to finish, as a station reports it. */
  static String run(EventListener out, String slot, int unit) {
    String runId = RunIds.next();
    Instant at = Instant.now();
    out.on(new Event.RunStarted(runId, slot, unit, "sample", "1.0", "00", "", at));
    out.on(
        new Event.UnitIdentified(
            runId, slot, List.of(new Identifier("serial", "P0CFX" + runId.substring(0, 8))), at));
    out.on(new Event.StepStarted(runId, slot, "power", "measure", 1, at));
    out.on(
        new Event.MeasurementTaken(
            runId,
            slot,
            "power",
            new Measurement("supply_voltage", 3.3, "V", List.of("3.2 <= x <= 3.4"), true, ""),
            at));
    out.on(
        new Event.StepFinished(
            runId, slot, "power", "measure", 1, StepOutcome.PASS, "", Duration.ofMillis(5), at));
    out.on(
        new Event.RunFinished(runId, slot, unit, Outcome.PASS, "", "", Duration.ofMillis(9), at));
    return runId;
  }

  /** unique id -> envelope of every message of the endpoint, sent or not. */
  static Map<String, String> all(Path db, String handle) throws Exception {
    return query(db, "SELECT unique_id, envelope FROM cfx_outbox WHERE source = '" + handle + "'");
  }

  /** unique id -> envelope of the endpoint's messages not yet delivered. */
  static Map<String, String> pending(Path db, String handle) throws Exception {
    return query(
        db,
        "SELECT unique_id, envelope FROM cfx_outbox WHERE source = '"
            + handle
            + "' AND sent_at IS NULL");
  }

  private static Map<String, String> query(Path db, String sql) throws Exception {
    Map<String, String> rows = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = c.createStatement();
        ResultSet row = statement.executeQuery(sql + " ORDER BY id")) {
      while (row.next()) {
        rows.put(row.getString(1), row.getString(2));
      }
    }
    return rows;
  }
}
