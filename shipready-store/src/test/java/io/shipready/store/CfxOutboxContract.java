package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.core.event.Event;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.MessageOutbox.OutgoingMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IPC-CFX messages a station's records make, read back from the outbox and parsed against the
 * CFX envelope and each message body's shape. Written once, run on every engine.
 */
abstract class CfxOutboxContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  abstract String url();

  void assumeAvailable() {}

  Store store;
  String tag;
  String handle;

  @BeforeEach
  void open() {
    assumeAvailable();
    store = Store.open(url());
    tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    handle = "acme.plant1.prog-" + tag;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private StationInfo station() {
    return new StationInfo("PROG-" + tag, "PC-1", "alice", Map.of());
  }

  @Test
  void aRunBecomesWorkStartedTestsPersonalizationMaterialsAndWorkCompleted() throws Exception {
    String serial = "P0" + tag + "AAA";
    String runId;
    try (RecordWriter writer = store.openWriter(station(), handle)) {
      writer.on(new Event.SlotChanged("1", SlotState.IDLE, "", Instant.now()));
      RunScript run = new RunScript(writer, "1", 1);
      runId = run.runId();
      writer.on(new Event.SlotChanged("1", SlotState.BUSY, "", Instant.now()));
      run.identified(
              new Identifier(Identifier.SERIAL, serial),
              new Identifier(Identifier.MOBILE_SECRET, "SECRET" + tag))
          .step(
              "power",
              "measure",
              new Measurement("supply_voltage", 3.31, "V", List.of("3.2 <= x <= 3.4"), true, ""),
              new Measurement("idle_current", 71.0, "mA", List.of("x <= 60"), false, "too high"),
              new Measurement("firmware", "2.1.0", "", List.of("== 2.1.0"), true, ""))
          .step("flash", "flash", 1, StepOutcome.FAIL, "read back differs")
          .step("flash", "flash", 2, StepOutcome.PASS, "")
          .started("write_identity", "write_identity", 1)
          .attribute("write_identity", "identity.serial", serial)
          .attribute("write_identity", "identity.wifi_mac", "AA:BB:CC:" + tag.substring(0, 2))
          .attribute("write_identity", "identity.mobile_secret", "SECRET" + tag)
          .finished("write_identity", "write_identity", 1, StepOutcome.PASS, "")
          .component("scan_parts", "U3", "BAT-" + tag)
          .component("scan_parts", "J1", "ANT-" + tag)
          .finish(Outcome.FAIL, "power", "idle_current too high");
      writer.on(new Event.SlotChanged("1", SlotState.IDLE, "", Instant.now()));
      assertThat(writer.awaitDurable(runId, Duration.ofSeconds(30))).isTrue();
    }

    List<OutgoingMessage> pending = store.cfxOutbox(handle).pending(100);
    List<String> names = pending.stream().map(OutgoingMessage::name).toList();
    assertThat(names)
        .contains("CFX.ResourcePerformance.StationStateChanged")
        .containsSubsequence(
            "CFX.Production.WorkStarted",
            "CFX.Production.Assembly.UnitsPersonalized",
            "CFX.Production.Assembly.MaterialsInstalled",
            "CFX.Production.TestAndInspection.UnitsTested",
            "CFX.Production.WorkCompleted");
    for (OutgoingMessage message : pending) {
      assertEnvelope(message);
      assertThat(message.body()).doesNotContain("SECRET" + tag);
    }
    Map<String, JsonNode> bodies =
        pending.stream()
            .filter(m -> m.name().startsWith("CFX.Production"))
            .collect(Collectors.toMap(OutgoingMessage::name, m -> body(m), (a, b) -> a));

    JsonNode started = bodies.get("CFX.Production.WorkStarted");
    assertThat(started.get("TransactionID").asText()).isEqualTo(runId);
    assertThat(started.get("Lane").asText()).isEqualTo("1");
    assertThat(started.get("UnitCount").asInt()).isEqualTo(1);
    JsonNode position = started.get("Units").get(0);
    assertThat(position.get("UnitIdentifier").asText()).isEqualTo(serial);
    assertThat(position.get("PositionNumber").asInt()).isEqualTo(1);
    assertThat(position.fieldNames())
        .toIterable()
        .contains("PositionName", "X", "Y", "Rotation", "FlipX", "FlipY");

    JsonNode tested = bodies.get("CFX.Production.TestAndInspection.UnitsTested");
    assertThat(tested.get("TransactionId").asText()).isEqualTo(runId);
    assertThat(tested.get("TestMethod").asText()).isEqualTo("Automated");
    assertThat(tested.get("Tester").get("LoginName").asText()).isEqualTo("alice");
    assertThat(tested.get("SamplingInformation").get("SamplingMethod").asText())
        .isEqualTo("NoSampling");
    JsonNode unit = tested.get("TestedUnits").get(0);
    assertThat(unit.get("UnitIdentifier").asText()).isEqualTo(serial);
    assertThat(unit.get("UnitPositionNumber").asInt()).isEqualTo(1);
    assertThat(unit.get("OverallResult").asText()).isEqualTo("Failed");
    List<String> tests = new ArrayList<>();
    unit.get("Tests")
        .forEach(t -> tests.add(t.get("TestName").asText() + ":" + t.get("Result").asText()));
    assertThat(tests)
        .containsExactly("power:Passed", "flash:Failed", "flash:Passed", "write_identity:Passed");
    JsonNode power = unit.get("Tests").get(0);
    for (String field :
        List.of(
            "UniqueIdentifier",
            "TestStartTime",
            "TestEndTime",
            "TestConditions",
            "SymptomsFound",
            "DefectsFound",
            "Measurements")) {
      assertThat(power.has(field)).as(field).isTrue();
    }
    OffsetDateTime.parse(power.get("TestStartTime").asText());
    JsonNode voltage = power.get("Measurements").get(0);
    assertThat(voltage.get("$type").asText()).isEqualTo("CFX.Structures.NumericMeasurement, CFX");
    assertThat(voltage.get("MeasurementName").asText()).isEqualTo("supply_voltage");
    assertThat(voltage.get("Result").asText()).isEqualTo("Passed");
    JsonNode value = voltage.get("MeasuredValue");
    assertThat(value.get("Value").asDouble()).isEqualTo(3.31);
    assertThat(value.get("ValueUnits").asText()).isEqualTo("V");
    assertThat(value.get("MinimumAcceptableValue").asDouble()).isEqualTo(3.2);
    assertThat(value.get("MaximumAcceptableValue").asDouble()).isEqualTo(3.4);
    JsonNode current = power.get("Measurements").get(1);
    assertThat(current.get("Result").asText()).isEqualTo("Failed");
    assertThat(current.get("MeasuredValue").get("MinimumAcceptableValue").isNull()).isTrue();
    assertThat(current.get("MeasuredValue").get("MaximumAcceptableValue").asDouble())
        .isEqualTo(60.0);
    JsonNode firmware = power.get("Measurements").get(2);
    assertThat(firmware.get("$type").asText()).isEqualTo("CFX.Structures.TextMeasurement, CFX");
    assertThat(firmware.get("Value").asText()).isEqualTo("2.1.0");
    assertThat(firmware.get("ExpectedValue").asText()).isEqualTo("2.1.0");
    assertThat(unit.get("Tests").get(1).get("Comments").asText()).isEqualTo("read back differs");
    assertThat(unit.get("Tests").get(2).get("Comments").asText()).isEqualTo("attempt 2");

    JsonNode personalized = bodies.get("CFX.Production.Assembly.UnitsPersonalized");
    assertThat(personalized.get("TransactionId").asText()).isEqualTo(runId);
    JsonNode characteristics = personalized.get("PersonalizedUnits").get(0).get("Characteristics");
    List<String> written = new ArrayList<>();
    characteristics.forEach(c -> written.add(c.get("Name").asText()));
    assertThat(written).containsExactly("serial", "wifi_mac");

    JsonNode materials = bodies.get("CFX.Production.Assembly.MaterialsInstalled");
    assertThat(materials.get("TransactionId").asText()).isEqualTo(runId);
    JsonNode installed = materials.get("InstalledMaterials");
    assertThat(installed).hasSize(2);
    assertThat(installed.get(0).get("UnitIdentifier").asText()).isEqualTo(serial);
    assertThat(installed.get(0).get("Material").get("UniqueIdentifier").asText())
        .isEqualTo("BAT-" + tag);
    assertThat(
            installed.get(0).get("InstalledComponents").get(0).get("ReferenceDesignator").asText())
        .isEqualTo("U3");

    JsonNode completed = bodies.get("CFX.Production.WorkCompleted");
    assertThat(completed.get("TransactionID").asText()).isEqualTo(runId);
    assertThat(completed.get("Result").asText()).isEqualTo("Failed");

    List<String> states = new ArrayList<>();
    for (OutgoingMessage message : pending) {
      if (message.name().equals("CFX.ResourcePerformance.StationStateChanged")) {
        JsonNode state = body(message);
        states.add(state.get("OldState").asText() + ">" + state.get("NewState").asText());
        assertThat(state.get("OldStateDuration").asText())
            .matches("\\d{2}:\\d{2}:\\d{2}(\\.\\d{7})?");
        assertThat(state.has("RelatedFault")).isTrue();
      }
    }
    // The station's state is taken once per stored batch: busy and idle again within one batch
    // may not show; where it started from and where it ended do.
    assertThat(states).first().asString().startsWith("6500>");
    assertThat(states).last().asString().endsWith(">2200");
  }

  @Test
  void deliveredMessagesAreNotOfferedAgainAndEachKeepsItsId() {
    CfxOutbox outbox = store.cfxOutbox(handle);
    outbox.endpointConnected();
    outbox.unitsDisqualified("P0" + tag, "DefectiveRepairNotPossible", "dropped");
    outbox.endpointShutdown();
    List<OutgoingMessage> first = outbox.pending(2);
    assertThat(first)
        .extracting(OutgoingMessage::name)
        .containsExactly("CFX.EndpointConnected", "CFX.Production.UnitsDisqualified");
    assertThat(outbox.pending(2)).isEqualTo(first);
    outbox.delivered(first);
    List<OutgoingMessage> rest = outbox.pending(10);
    assertThat(rest).extracting(OutgoingMessage::name).containsExactly("CFX.EndpointShutdown");
    assertThat(outbox.pendingCount()).isEqualTo(1);
    first.forEach(this::assertEnvelope);
    assertThat(body(first.get(0)).get("CFXHandle").asText()).isEqualTo(handle);
    JsonNode scrapped = body(first.get(1));
    assertThat(scrapped.get("Reason").asText()).isEqualTo("DefectiveRepairNotPossible");
    assertThat(scrapped.get("Units").get(0).get("UnitIdentifier").asText()).isEqualTo("P0" + tag);
    // Another endpoint's outbox is its own.
    assertThat(store.cfxOutbox(handle + ".other").pending(10)).isEmpty();
  }

  @Test
  void runsClosedAtRestartAreCompletedAsAborted() throws Exception {
    String runId;
    try (RecordWriter writer = store.openWriter(station(), handle)) {
      RunScript run =
          new RunScript(writer, "2", 7).identified(new Identifier("serial", "P1" + tag));
      runId = run.runId();
      run.started("flash", "flash", 1);
      assertThat(writer.awaitDurable(runId, Duration.ofSeconds(30))).isTrue();
    }
    assertThat(store.closeOpenRuns("PROG-" + tag, "station killed", handle)).hasSize(1);
    List<OutgoingMessage> pending = store.cfxOutbox(handle).pending(100);
    OutgoingMessage last = pending.get(pending.size() - 1);
    assertThat(last.name()).isEqualTo("CFX.Production.WorkCompleted");
    assertThat(body(last).get("TransactionID").asText()).isEqualTo(runId);
    assertThat(body(last).get("Result").asText()).isEqualTo("Aborted");
  }

  @Test
  void aStationWithoutAHandleWritesNoMessages() throws Exception {
    try (RecordWriter writer = store.openWriter(station())) {
      RunScript run =
          new RunScript(writer, "1", 1).identified(new Identifier("serial", "P2" + tag));
      run.step("power", "measure").pass();
      assertThat(writer.awaitDurable(run.runId(), Duration.ofSeconds(30))).isTrue();
    }
    assertThat(store.cfxOutbox(handle).pending(10)).isEmpty();
  }

  private void assertEnvelope(OutgoingMessage message) {
    JsonNode envelope = parse(message.body());
    assertThat(envelope.fieldNames())
        .toIterable()
        .containsExactly(
            "MessageName",
            "Version",
            "TimeStamp",
            "UniqueID",
            "Source",
            "Target",
            "RequestID",
            "MessageBody");
    assertThat(envelope.get("MessageName").asText()).isEqualTo(message.name());
    assertThat(envelope.get("Version").asText()).isEqualTo("2.0");
    assertThat(OffsetDateTime.parse(envelope.get("TimeStamp").asText()).getOffset()).isNotNull();
    assertThat(envelope.get("TimeStamp").asText()).endsWith("+00:00");
    assertThat(UUID.fromString(envelope.get("UniqueID").asText()).toString())
        .isEqualTo(message.uniqueId());
    assertThat(envelope.get("Source").asText()).isEqualTo(handle);
    assertThat(envelope.get("Target").isNull()).isTrue();
    assertThat(envelope.get("RequestID").isNull()).isTrue();
    assertThat(envelope.get("MessageBody").isObject()).isTrue();
  }

  private static JsonNode body(OutgoingMessage message) {
    return parse(message.body()).get("MessageBody");
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
