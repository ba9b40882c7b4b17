package io.shipready.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * The envelope every IPC-CFX message travels in, and the names of the messages shipready sends. The
 * envelope is made once, when its outbox row is written, so a resend is the same bytes with the
 * same {@code UniqueID}.
 */
public final class CfxEnvelope {
  public static final String VERSION = "2.0";

  public static final String WORK_STARTED = "CFX.Production.WorkStarted";
  public static final String WORK_COMPLETED = "CFX.Production.WorkCompleted";
  public static final String UNITS_TESTED = "CFX.Production.TestAndInspection.UnitsTested";
  public static final String UNITS_PERSONALIZED = "CFX.Production.Assembly.UnitsPersonalized";
  public static final String MATERIALS_INSTALLED = "CFX.Production.Assembly.MaterialsInstalled";
  public static final String UNITS_DISQUALIFIED = "CFX.Production.UnitsDisqualified";
  public static final String STATION_STATE_CHANGED = "CFX.ResourcePerformance.StationStateChanged";
  public static final String ENDPOINT_CONNECTED = "CFX.EndpointConnected";
  public static final String ENDPOINT_SHUTDOWN = "CFX.EndpointShutdown";

  // ISO-8601 with the offset written out (+00:00), as the CFX SDK writes its time stamps.
  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HH:MM", "+00:00")
          .toFormatter();

  private CfxEnvelope() {}

  /** The whole message as JSON text. */
  public static String wrap(
      String messageName, String source, Instant at, String uniqueId, ObjectNode body) {
    ObjectNode envelope = Json.MAPPER.createObjectNode();
    envelope.put("MessageName", messageName);
    envelope.put("Version", VERSION);
    envelope.put("TimeStamp", time(at));
    envelope.put("UniqueID", uniqueId);
    envelope.put("Source", source);
    envelope.putNull("Target");
    envelope.putNull("RequestID");
    envelope.set("MessageBody", body);
    return Json.write(envelope);
  }

  /** A time as CFX writes it. */
  public static String time(Instant at) {
    return at == null ? null : TIME.format(at.atOffset(ZoneOffset.UTC));
  }
}
