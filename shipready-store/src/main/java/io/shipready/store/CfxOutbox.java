package io.shipready.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipready.core.spi.MessageOutbox;
import io.shipready.store.internal.CfxBodies;
import io.shipready.store.internal.CfxEnvelope;
import io.shipready.store.internal.CfxOutboxRows;
import io.shipready.store.internal.Database;
import io.shipready.store.internal.Micros;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The IPC-CFX messages one endpoint (a station, or the back office) has to send: written with the
 * records they describe (see {@link Store#openWriter(StationInfo, String)}), or added here for what
 * is not a run's record (the endpoint coming up and shutting down, a unit scrapped). A publisher
 * takes them in order and marks them delivered once every broker accepted them; until then they
 * survive broker outages and restarts, and each keeps its UniqueID.
 */
public final class CfxOutbox implements MessageOutbox {
  private final Database database;
  private final String handle;
  private final Clock clock;

  CfxOutbox(Database database, String handle, Clock clock) {
    this.database = requireNonNull(database, "database");
    this.handle = requireNonNull(handle, "handle");
    this.clock = requireNonNull(clock, "clock");
  }

  public String handle() {
    return handle;
  }

  @Override
  public List<OutgoingMessage> pending(int max) {
    try {
      return database
          .jdbi()
          .withHandle(
              h ->
                  h.createQuery(
                          "SELECT id, unique_id, message_name, envelope FROM cfx_outbox"
                              + " WHERE source = :source AND sent_at IS NULL ORDER BY id LIMIT :max")
                      .bind("source", handle)
                      .bind("max", max)
                      .map(
                          (rs, ctx) ->
                              new OutgoingMessage(
                                  rs.getLong("id"),
                                  rs.getString("unique_id"),
                                  rs.getString("message_name"),
                                  rs.getString("envelope")))
                      .list());
    } catch (JdbiException failed) {
      throw new StoreException(
          "Cannot read the CFX outbox of " + handle + " in " + database.url().described(), failed);
    }
  }

  /** How many messages wait to be delivered. */
  public int pendingCount() {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM cfx_outbox WHERE source = :source AND sent_at IS NULL")
                    .bind("source", handle)
                    .mapTo(Integer.class)
                    .one());
  }

  @Override
  public void delivered(List<OutgoingMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    long now = Micros.of(clock.instant());
    try {
      database
          .writeJdbi()
          .useTransaction(
              h ->
                  h.createUpdate("UPDATE cfx_outbox SET sent_at = :now WHERE id IN (<ids>)")
                      .bind("now", now)
                      .bindList("ids", messages.stream().map(OutgoingMessage::sequence).toList())
                      .execute());
    } catch (JdbiException failed) {
      throw new StoreException(
          "Cannot mark CFX messages of " + handle + " delivered in " + database.url().described(),
          failed);
    }
  }

  /** CFX.EndpointConnected: the endpoint has come up. */
  @Override
  public void endpointConnected() {
    add(CfxEnvelope.ENDPOINT_CONNECTED, CfxBodies.endpointConnected(handle));
  }

  /** CFX.EndpointShutdown: the endpoint is going away. */
  @Override
  public void endpointShutdown() {
    add(CfxEnvelope.ENDPOINT_SHUTDOWN, CfxBodies.endpointShutdown(handle));
  }

  /**
   * CFX.Production.UnitsDisqualified: the unit is scrapped. Nothing in shipready scraps a unit yet;
   * this is where a scrap decision (a command or a station action) publishes it.
   *
   * @param unitIdentifier the unit's identifier, e.g. its serial
   * @param reason a CFX DisqualificationReason name, e.g. {@code DefectiveRepairNotPossible}
   * @param comments why, in words
   */
  public void unitsDisqualified(String unitIdentifier, String reason, String comments) {
    requireNonNull(unitIdentifier, "unitIdentifier");
    requireNonNull(reason, "reason");
    add(
        CfxEnvelope.UNITS_DISQUALIFIED,
        CfxBodies.unitsDisqualified(
            reason, comments, List.of(new CfxBodies.Unit(unitIdentifier, ""))));
  }

  /**
   * A piece of work on units done at once, as CFX reports it (WorkStarted with the units, then
   * WorkCompleted, Completed), written in the caller's transaction so the messages exist exactly
   * when the work's own rows do.
   *
   * @param transaction the work's own database transaction
   * @param transactionId the CFX transaction id, a GUID the same however often the work is retried
   * @param unitIdentifiers the units, each by its identifier (never a secret)
   */
  public void workDone(Handle transaction, String transactionId, List<String> unitIdentifiers) {
    requireNonNull(transaction, "transaction");
    requireNonNull(transactionId, "transactionId");
    java.time.Instant now = clock.instant();
    List<CfxBodies.Unit> units =
        unitIdentifiers.stream().map(id -> new CfxBodies.Unit(id, "")).toList();
    CfxOutboxRows.add(
        transaction,
        handle,
        CfxEnvelope.WORK_STARTED,
        now,
        CfxBodies.workStarted(transactionId, "0", units));
    CfxOutboxRows.add(
        transaction,
        handle,
        CfxEnvelope.WORK_COMPLETED,
        now,
        CfxBodies.workCompleted(transactionId, "Completed"));
  }

  /** Adds a message in a transaction of its own, stored before this returns. */
  public void add(String messageName, ObjectNode body) {
    try (Connection c = database.writeConnection()) {
      c.setAutoCommit(true);
      CfxOutboxRows.add(c, handle, messageName, clock.instant(), body);
    } catch (SQLException failed) {
      throw new StoreException(
          "Cannot add "
              + messageName
              + " to the CFX outbox of "
              + handle
              + " in "
              + database.url().described()
              + ": "
              + failed.getMessage(),
          failed);
    }
  }
}
