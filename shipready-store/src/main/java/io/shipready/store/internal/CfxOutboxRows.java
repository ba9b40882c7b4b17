package io.shipready.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Writes CFX messages into the outbox, in the caller's transaction. */
public final class CfxOutboxRows {
  static final String INSERT =
      "INSERT INTO cfx_outbox (unique_id, source, message_name, envelope, created_at)"
          + " VALUES (?, ?, ?, ?, ?)";

  private CfxOutboxRows() {}

  /** Adds one message; its UniqueID is made here, once, and kept with the row. */
  public static void add(
      Connection c, String source, String messageName, Instant at, ObjectNode body)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      bind(insert, source, messageName, at, body);
      insert.executeUpdate();
    }
  }

  /** Adds one message through a Jdbi handle (its transaction). */
  public static void add(
      org.jdbi.v3.core.Handle handle,
      String source,
      String messageName,
      Instant at,
      ObjectNode body) {
    String uniqueId = UUID.randomUUID().toString();
    handle
        .createUpdate(
            "INSERT INTO cfx_outbox (unique_id, source, message_name, envelope, created_at)"
                + " VALUES (:id, :source, :name, :envelope, :at)")
        .bind("id", uniqueId)
        .bind("source", source)
        .bind("name", messageName)
        .bind("envelope", CfxEnvelope.wrap(messageName, source, at, uniqueId, body))
        .bind("at", Micros.of(at))
        .execute();
  }

  static void bind(
      PreparedStatement insert, String source, String messageName, Instant at, ObjectNode body)
      throws SQLException {
    String uniqueId = UUID.randomUUID().toString();
    insert.setString(1, uniqueId);
    insert.setString(2, source);
    insert.setString(3, messageName);
    insert.setString(4, CfxEnvelope.wrap(messageName, source, at, uniqueId, body));
    insert.setLong(5, Micros.of(at));
  }
}
