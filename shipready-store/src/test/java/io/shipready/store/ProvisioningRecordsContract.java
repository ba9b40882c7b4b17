package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.WrittenRow;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cloud provisioning operations of a unit, whatever the engine: the unit is found by its device
 * id with the run that queued it, each operation is stored as it is recorded, and the trace, the
 * JSON export and the OpenHTF export carry them.
 */
abstract class ProvisioningRecordsContract {
  private static final Duration WAIT = Duration.ofSeconds(30);

  abstract String url();

  void assumeAvailable() {}

  private Store store;
  private String serial;
  private String deviceId;
  private String earlier;
  private String queued;
  private String queueFile;

  @BeforeEach
  void record() throws Exception {
    assumeAvailable();
    store = Store.open(url());
    String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    serial = "P046" + tag.toUpperCase();
    deviceId = "e00f" + tag + "abcdef12";
    queueFile = "provisioning-queue_prov-" + tag + "_20261201.csv";
    try (RecordWriter writer =
        store.openWriter(new StationInfo("prov-" + tag, "PC-1", "alice", Map.of()))) {
      earlier = await(writer, run(writer).pass());
      queued = await(writer, run(writer).pass());
      // A run after the one that queued it: its operations still belong to the queuing run.
      await(writer, run(writer).pass());
    }
    store
        .factoryRows()
        .rowWritten(queued, "provision", new WrittenRow(queueFile, 2, deviceId + "," + serial));
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aQueuedDeviceIsFoundWithTheRunThatQueuedIt() {
    ProvisioningRecords records = store.provisioningRecords();
    ProvisioningRecords.Unit unit = records.unit(deviceId.toUpperCase(), queueFile).orElseThrow();
    assertThat(unit.unitId()).isEqualTo(store.trace(serial).unitId());
    record(unit, "import", deviceId, ProvisioningOperation.DONE, 200, "");
    assertThat(store.trace(serial).provisioning())
        .singleElement()
        .extracting(ProvisioningOperation::runId)
        .isEqualTo(queued);
    assertThat(records.unit("e00f000000000000000000ff", queueFile)).isEmpty();
    // Not in that queue file: the unit's latest run.
    assertThat(records.unit(deviceId, "other.csv").orElseThrow().runKey())
        .isNotEqualTo(unit.runKey());
  }

  @Test
  void everyOperationIsInTheTraceAndTheExports() throws Exception {
    ProvisioningRecords records = store.provisioningRecords();
    ProvisioningRecords.Unit unit = records.unit(deviceId, queueFile).orElseThrow();
    record(unit, "import", deviceId, ProvisioningOperation.DONE, 200, "");
    record(unit, "group_add", "20261201_prov", ProvisioningOperation.DONE, 200, "");
    record(unit, "rename", serial, ProvisioningOperation.DONE, 200, "");
    record(unit, "claim", deviceId, ProvisioningOperation.FAILED, 404, "claim refused: unknown");

    UnitTrace trace = store.trace(deviceId);
    assertThat(trace.provisioning())
        .extracting(ProvisioningOperation::operation)
        .containsExactly("import", "group_add", "rename", "claim");
    ProvisioningOperation claim = trace.provisioning().get(3);
    assertThat(claim.result()).isEqualTo("FAILED");
    assertThat(claim.httpStatus()).isEqualTo(404);
    assertThat(claim.queueFile()).isEqualTo(queueFile);
    assertThat(claim.queueLine()).isEqualTo(2);
    assertThat(TraceText.render(trace))
        .contains("Provisioning\n")
        .contains("import " + deviceId + "  product 12345  DONE (HTTP 200)")
        .contains("claim " + deviceId + "  product 12345  FAILED (HTTP 404): claim refused")
        .contains("from " + queueFile + ":2");

    ObjectMapper mapper = new ObjectMapper();
    StringWriter json = new StringWriter();
    store.export(null, ExportFormat.JSON, json);
    JsonNode queuedRun = null;
    for (JsonNode run : mapper.readTree(json.toString())) {
      if (run.get("run_id").asText().equals(queued)) {
        queuedRun = run;
      } else if (run.get("run_id").asText().equals(earlier)) {
        assertThat(run.get("provisioning")).isEmpty();
      }
    }
    assertThat(queuedRun).isNotNull();
    assertThat(queuedRun.get("provisioning")).hasSize(4);
    assertThat(queuedRun.get("provisioning").get(3).get("http_status").asInt()).isEqualTo(404);

    StringWriter lines = new StringWriter();
    store.export(null, ExportFormat.OPENHTF_JSONL, lines);
    JsonNode openHtf = null;
    for (String line : lines.toString().split("\n")) {
      JsonNode record = mapper.readTree(line);
      if (record.get("metadata").get("run_id").asText().equals(queued)) {
        openHtf = record;
      }
    }
    assertThat(openHtf).isNotNull();
    JsonNode operations = openHtf.get("metadata").get("provisioning");
    assertThat(operations).hasSize(4);
    assertThat(operations.get(1).get("operation").asText()).isEqualTo("group_add");
    assertThat(operations.get(1).get("target").asText()).isEqualTo("20261201_prov");
  }

  @Test
  void operationsRecordedInTheSameInstantAreAllKept() {
    ProvisioningRecords records = store.provisioningRecords();
    ProvisioningRecords.Unit unit = records.unit(deviceId, queueFile).orElseThrow();
    Instant now = Instant.now();
    for (int i = 0; i < 3; i++) {
      records.record(
          unit,
          new ProvisioningOperation(
              now, "import", null, "12345", deviceId, "DONE", 200, "", "", queueFile, 2));
    }
    assertThat(store.trace(serial).provisioning()).hasSize(3);
  }

  private void record(
      ProvisioningRecords.Unit unit,
      String operation,
      String target,
      String result,
      int status,
      String message) {
    store
        .provisioningRecords()
        .record(
            unit,
            new ProvisioningOperation(
                Instant.now(),
                operation,
                null,
                "12345",
                target,
                result,
                status,
                message,
                "http://127.0.0.1:8480",
                queueFile,
                2));
  }

  private RunScript run(RecordWriter writer) {
    return new RunScript(writer, "1", 1)
        .identified(
            new Identifier(Identifier.SERIAL, serial),
            new Identifier(Identifier.DEVICE_ID, deviceId))
        .step("identify", "identify");
  }

  private static String await(RecordWriter writer, RunScript run) throws InterruptedException {
    assertThat(writer.awaitDurable(run.runId(), WAIT)).isTrue();
    return run.runId();
  }
}
