package io.shipready.store.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The bodies of the CFX messages shipready sends, with the CFX SDK's property names (note that the
 * SDK spells the transaction {@code TransactionID} in WorkStarted and WorkCompleted, and {@code
 * TransactionId} in the others). A station's run is one CFX transaction: its id is the run's id. A
 * unit sits at position 1 of its slot (the slot is the CFX lane).
 */
public final class CfxBodies {
  private CfxBodies() {}

  /** A unit of a transaction: its identifier and the slot it is in. */
  public record Unit(String identifier, String slot) {}

  /** One step attempt as a CFX test. */
  record Test(
      String uniqueId,
      String name,
      Instant started,
      Instant ended,
      String result,
      String comments,
      List<Measured> measurements) {}

  /** One measurement: a number (with its limits) or a text. */
  record Measured(
      String uniqueId,
      String name,
      Instant taken,
      int sequence,
      boolean passed,
      Double number,
      String text,
      String units,
      CfxLimits limits) {}

  /** A component built into the unit. */
  record Component(String barcode, String position, Instant installed) {}

  public static ObjectNode workStarted(String transactionId, String slot, List<Unit> units) {
    ObjectNode body = object();
    body.put("TransactionID", transactionId);
    body.put("Lane", slot);
    body.put("UnitCount", units.size());
    ArrayNode list = body.putArray("Units");
    units.forEach(unit -> list.add(unitPosition(unit)));
    return body;
  }

  public static ObjectNode workCompleted(String transactionId, String result) {
    ObjectNode body = object();
    body.put("TransactionID", transactionId);
    body.put("Result", result);
    return body;
  }

  public static ObjectNode unitsTested(
      String transactionId, String operator, Unit unit, String overallResult, List<Test> tests) {
    ObjectNode body = object();
    body.put("TransactionId", transactionId);
    body.put("TestMethod", "Automated");
    ObjectNode tester = body.putObject("Tester");
    tester.put("OperatorIdentifier", operator);
    tester.put("ActorType", "Human");
    tester.putNull("LastName");
    tester.putNull("FirstName");
    tester.put("LoginName", operator);
    ObjectNode sampling = body.putObject("SamplingInformation");
    sampling.put("SamplingMethod", "NoSampling");
    sampling.putNull("LotSize");
    sampling.putNull("SampleSize");
    ObjectNode tested = body.putArray("TestedUnits").addObject();
    tested.put("UnitIdentifier", unit.identifier());
    tested.put("UnitPositionNumber", 1);
    tested.put("OverallResult", overallResult);
    ArrayNode testList = tested.putArray("Tests");
    for (Test test : tests) {
      ObjectNode node = testList.addObject();
      node.put("UniqueIdentifier", test.uniqueId());
      node.put("TestName", test.name());
      node.put("TestStartTime", CfxEnvelope.time(test.started()));
      node.put("TestEndTime", CfxEnvelope.time(test.ended()));
      node.putArray("TestConditions");
      node.putNull("TestProcedure");
      node.put("Comments", test.comments());
      node.put("Result", test.result());
      node.putNull("Error");
      node.putArray("SymptomsFound");
      node.putArray("DefectsFound");
      ArrayNode measurements = node.putArray("Measurements");
      test.measurements().forEach(m -> measurements.add(measurement(m)));
    }
    return body;
  }

  private static ObjectNode measurement(Measured m) {
    ObjectNode node = object();
    if (m.number() != null) {
      node.put("$type", "CFX.Structures.NumericMeasurement, CFX");
      ObjectNode value = node.putObject("MeasuredValue");
      value.put("Value", m.number());
      value.put("ValueUnits", m.units());
      Double expected = m.limits().expectedNumber();
      value.put("ExpectedValue", expected);
      value.put("ExpectedValueUnits", expected == null ? null : m.units());
      value.put("MinimumAcceptableValue", m.limits().min());
      value.put("MaximumAcceptableValue", m.limits().max());
    } else {
      node.put("$type", "CFX.Structures.TextMeasurement, CFX");
      node.put("Value", m.text());
      node.put("ExpectedValue", m.limits().expected());
    }
    node.put("UniqueIdentifier", m.uniqueId());
    node.put("MeasurementName", m.name());
    node.put("TimeRecorded", CfxEnvelope.time(m.taken()));
    node.put("Sequence", m.sequence());
    node.put("Result", m.passed() ? "Passed" : "Failed");
    node.putNull("CRDs");
    return node;
  }

  /** Identifiers written into the unit, by kind; secrets are left out before this is called. */
  public static ObjectNode unitsPersonalized(
      String transactionId, Unit unit, List<java.util.Map.Entry<String, String>> written) {
    ObjectNode body = object();
    body.put("TransactionId", transactionId);
    ObjectNode personalized = body.putArray("PersonalizedUnits").addObject();
    personalized.put("UnitIdentifier", unit.identifier());
    personalized.put("UnitPositionNumber", 1);
    ArrayNode characteristics = personalized.putArray("Characteristics");
    for (var entry : written) {
      ObjectNode characteristic = characteristics.addObject();
      characteristic.put("Name", entry.getKey());
      characteristic.put("Value", entry.getValue());
    }
    return body;
  }

  public static ObjectNode materialsInstalled(
      String transactionId, Unit unit, List<Component> components) {
    ObjectNode body = object();
    body.put("TransactionId", transactionId);
    ArrayNode installed = body.putArray("InstalledMaterials");
    for (Component component : components) {
      ObjectNode material = installed.addObject();
      material.put("UnitIdentifier", unit.identifier());
      material.put("UnitPositionNumber", 1);
      material.put("QuantityInstalled", 1.0);
      ObjectNode packet = material.putObject("Material");
      packet.put("UniqueIdentifier", component.barcode());
      packet.putNull("InternalPartNumber");
      packet.put("Quantity", 1.0);
      material.putNull("CarrierLocation");
      ObjectNode designator = material.putArray("InstalledComponents").addObject();
      designator.put("ReferenceDesignator", component.position());
      designator.put("InstallationTime", CfxEnvelope.time(component.installed()));
    }
    return body;
  }

  /**
   * A unit scrapped or abandoned. {@code reason} is one of CFX's DisqualificationReason names, e.g.
   * {@code DefectiveRepairNotPossible}.
   */
  public static ObjectNode unitsDisqualified(String reason, String comments, List<Unit> units) {
    ObjectNode body = object();
    body.put("Reason", reason);
    body.put("Comments", comments);
    ArrayNode list = body.putArray("Units");
    units.forEach(unit -> list.add(unitPosition(unit)));
    return body;
  }

  /** States are CFX ResourceState codes (SEMI E10), e.g. "1100" regular work. */
  public static ObjectNode stationStateChanged(String oldState, Duration oldFor, String newState) {
    ObjectNode body = object();
    body.put("OldState", oldState);
    body.put("OldStateDuration", timeSpan(oldFor));
    body.put("NewState", newState);
    body.putNull("RelatedFault");
    return body;
  }

  public static ObjectNode endpointConnected(String handle) {
    ObjectNode body = object();
    body.put("CFXHandle", handle);
    // shipready publishes only; it takes no requests.
    body.putNull("RequestNetworkUri");
    body.putNull("RequestTargetAddress");
    return body;
  }

  public static ObjectNode endpointShutdown(String handle) {
    ObjectNode body = object();
    body.put("CFXHandle", handle);
    return body;
  }

  private static ObjectNode unitPosition(Unit unit) {
    ObjectNode position = object();
    position.put("UnitIdentifier", unit.identifier());
    position.put("PositionNumber", 1);
    position.put("PositionName", unit.slot());
    position.put("X", 0.0);
    position.put("Y", 0.0);
    position.put("Rotation", 0.0);
    position.put("FlipX", false);
    position.put("FlipY", false);
    return position;
  }

  /** A duration as .NET writes a TimeSpan: [d.]hh:mm:ss[.fffffff]. */
  static String timeSpan(Duration duration) {
    Duration d = duration.isNegative() ? Duration.ZERO : duration;
    long days = d.toDays();
    String text =
        String.format("%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    long ticks = d.toNanosPart() / 100;
    if (ticks != 0) {
      text += String.format(".%07d", ticks);
    }
    return days == 0 ? text : days + "." + text;
  }

  private static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }
}
