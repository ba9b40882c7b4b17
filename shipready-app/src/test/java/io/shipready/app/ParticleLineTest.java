package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Particle cellular programming station end to end on simulated units, some made to fail. For
 * every unit the record of each step of the vendor's flow is checked (serial sticker, genealogy,
 * identity, every image, setup flag, tests with limits, production firmware, versions), with its
 * factory-file row, its label and its provisioning-queue row; a unit that failed has none of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticleLineTest {
  private static final Path LINE = Path.of("..", "lines", "particle-cellular");
  private static final int UNITS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path db;
  private Path out;
  private JsonNode summary;

  @BeforeAll
  void runTheStation(@TempDir Path dir) throws Exception {
    db = dir.resolve("line.db");
    out = dir.resolve("out");
    Path config = filledConfig(dir);
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINE.resolve("programming.yaml").toString(),
            "--simulate",
            Integer.toString(UNITS),
            "--seed",
            "3",
            "--fail-rate",
            "0.3",
            "--time-scale",
            "0.005",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    summary = JSON.readTree(run.out());
  }

  @Test
  void someUnitsFailWhereTheirFaultWasPlanted() {
    assertThat(summary.get("units").asInt()).isEqualTo(UNITS);
    assertThat(summary.get("pass").asInt()).isBetween(1, UNITS - 1);
    assertThat(summary.get("injected_faults")).isNotEmpty();
    assertThat(summary.get("faults_astray")).isEmpty();
  }

  @Test
  void everyPassedUnitHasEveryStepOfTheFlowOnRecord() throws IOException {
    for (JsonNode run : runs()) {
      if (!passed(run)) {
        continue;
      }
      JsonNode ids = run.get("identifiers");
      assertThat(ids.get("serial").asText()).matches("P046AA[0-9]{7}");
      assertThat(ids.get("mobile_secret").asText())
          .as("kept, as the recipe asks, but shown only as its fingerprint")
          .matches("sha256:[0-9a-f]{64}");
      assertThat(ids.get("device_id").asText()).matches("[0-9a-f]{24}");
      assertThat(ids.get("imei").asText()).matches("[0-9]{15}");
      assertThat(ids.get("iccid").asText()).matches("89[0-9]{18}");

      JsonNode trace = trace("serial=" + ids.get("serial").asText());
      JsonNode record = runOf(trace, runId(run));
      assertThat(stepOutcomes(record))
          .containsOnlyKeys(
              "scan_serial",
              "scan_pcb",
              "scan_antenna",
              "scan_battery",
              "identify",
              "flash_bootloader",
              "flash_softdevice",
              "flash_device_os",
              "flash_ncp",
              "flash_mfg_test",
              "setup_done",
              "restart",
              "cloud_connect",
              "selftest",
              "power",
              "radio",
              "flash_production",
              "restart_production",
              "production_boots",
              "record_versions",
              "factory_row",
              "serial_label",
              "provision")
          .allSatisfy((step, outcome) -> assertThat(outcome).as(step).isEqualTo("PASS"));

      List<String> components = new ArrayList<>();
      trace
          .get("genealogy")
          .get("components")
          .forEach(
              c -> components.add(c.get("position").asText() + "=" + c.get("barcode").asText()));
      assertThat(components)
          .hasSize(3)
          .anySatisfy(c -> assertThat(c).matches("PCB=PCB-[0-9]{8}"))
          .anySatisfy(c -> assertThat(c).matches("J1=ANT-[0-9]{8}"))
          .anySatisfy(c -> assertThat(c).matches("BT1=BAT-[0-9]{8}"));

      List<String> images = new ArrayList<>();
      record
          .get("images")
          .forEach(i -> images.add(i.get("name").asText() + " " + i.get("version").asText()));
      assertThat(images)
          .containsExactly(
              "bootloader 2.1.0",
              "softdevice s140 7.0.1",
              "system 4.2.0",
              "ncp 0.0.7",
              "user mfg-test 1.0.3",
              "user tracker-edge 18");

      Map<String, String> attributes = attributes(record);
      assertThat(attributes)
          .containsEntry("version.board", "T404 v1.1")
          .containsEntry("version.bootloader", "2.1.0")
          .containsEntry("version.softdevice", "s140 7.0.1")
          .containsEntry("version.system", "4.2.0")
          .containsEntry("version.ncp", "0.0.7")
          // Recorded after the tests, as the vendor's flow does; production's is in the images.
          .containsEntry("version.user", "mfg-test 1.0.3")
          .containsEntry("label.serial_label.payload", ids.get("serial").asText());

      Map<String, JsonNode> measurements = measurements(record);
      assertThat(measurements)
          .containsOnlyKeys(
              "supply_voltage",
              "idle_current",
              "battery_voltage",
              "cellular_rssi",
              "cloud_connect_time",
              "device_os_version",
              "ncp_version");
      assertThat(measurements.values())
          .allSatisfy(
              m -> {
                assertThat(m.get("limits")).isNotEmpty();
                assertThat(m.get("passed").asBoolean()).isTrue();
              });
      assertThat(measurements.get("supply_voltage").get("limits").get(0).asText())
          .isEqualTo("3.2 <= x <= 3.4");

      List<String> rows = rowsOf(trace, runId(run));
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0))
          .startsWith(
              "particle-programming_PT-PROG-1_"
                  + today()
                  + ".csv: "
                  + String.join(
                      ",",
                      ids.get("serial").asText(),
                      ids.get("device_id").asText(),
                      ids.get("imei").asText(),
                      ids.get("iccid").asText()))
          .contains(",T404 v1.1,2.1.0,s140 7.0.1,4.2.0,0.0.7,tracker-edge 18,")
          .contains(",200-0044-01,1.1,PT-PROG-1,L3,");
      assertThat(rows.get(1))
          .isEqualTo(
              "provisioning-queue_PT-PROG-1_"
                  + today()
                  + ".csv: "
                  + String.join(
                      ",",
                      ids.get("device_id").asText(),
                      ids.get("serial").asText(),
                      ids.get("iccid").asText(),
                      "12345",
                      today() + "_pt-prog-1",
                      ids.get("serial").asText(),
                      "true",
                      "true"));
      assertThat(labelsOf(trace, runId(run))).containsExactly("labels/serial-label.json");
    }
  }

  @Test
  void aFailedUnitIsNeverLabelledRecordedInTheFactoryFileOrQueued() throws IOException {
    int failed = 0;
    for (JsonNode run : runs()) {
      if (passed(run)) {
        continue;
      }
      failed++;
      JsonNode ids = run.get("identifiers");
      String query =
          ids.has("serial")
              ? "serial=" + ids.get("serial").asText()
              : ids.has("device_id") ? "device_id=" + ids.get("device_id").asText() : null;
      if (query == null) {
        continue; // nothing on the unit was read: it cannot be traced, and the files are counted
      }
      JsonNode trace = trace(query);
      JsonNode record = runOf(trace, runId(run));
      assertThat(stepOutcomes(record).get("provision")).isIn(null, "SKIPPED");
      assertThat(rowsOf(trace, runId(run))).as("a failed unit gets no row").isEmpty();
      assertThat(labelsOf(trace, runId(run))).as("a failed unit gets no label").isEmpty();
    }
    assertThat(failed).isPositive();
  }

  @Test
  void theQueueAndFactoryFileHoldOneWholeRowPerPassedUnit() throws IOException {
    String day = today();
    Path queue = out.resolve("provisioning-queue_PT-PROG-1_" + day + ".csv");
    Path factory = out.resolve("particle-programming_PT-PROG-1_" + day + ".csv");
    List<String> queued = Files.readAllLines(queue);
    assertThat(queued.get(0))
        .isEqualTo("device_id,serial,iccid,product,group,name,claim,activate_sim");
    List<String> passedDevices = new ArrayList<>();
    runs().stream()
        .filter(ParticleLineTest::passed)
        .forEach(r -> passedDevices.add(r.get("identifiers").get("device_id").asText()));
    assertThat(queued.subList(1, queued.size()))
        .extracting(line -> line.split(",", -1)[0])
        .containsExactlyInAnyOrderElementsOf(passedDevices);
    List<String> rows = Files.readAllLines(factory);
    int columns = rows.get(0).split(",", -1).length;
    assertThat(rows.subList(1, rows.size()))
        .hasSize(passedDevices.size())
        .allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(columns));
    try (Stream<Path> labels = Files.list(out.resolve("labels"))) {
      assertThat(labels.count()).isEqualTo(passedDevices.size());
    }
  }

  private static String today() {
    return DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneId.of("Asia/Shanghai")));
  }

  private List<JsonNode> runs() {
    List<JsonNode> runs = new ArrayList<>();
    summary.get("runs").forEach(runs::add);
    return runs;
  }

  private static boolean passed(JsonNode run) {
    return run.get("outcome").asText().equals("PASS");
  }

  private static String runId(JsonNode run) {
    return run.get("run_id").asText();
  }

  private JsonNode trace(String query) throws IOException {
    CommandLineRun run = CommandLineRun.of("trace", query, "--db", db.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static JsonNode runOf(JsonNode trace, String runId) {
    for (JsonNode run : trace.get("runs")) {
      if (run.get("run_id").asText().equals(runId)) {
        return run;
      }
    }
    throw new AssertionError("run " + runId + " is not in the trace of " + trace.get("name"));
  }

  private static Map<String, String> stepOutcomes(JsonNode run) {
    Map<String, String> outcomes = new HashMap<>();
    run.get("steps")
        .forEach(s -> outcomes.put(s.get("step_id").asText(), s.get("outcome").asText()));
    return outcomes;
  }

  private static Map<String, JsonNode> measurements(JsonNode run) {
    Map<String, JsonNode> measurements = new HashMap<>();
    run.get("steps")
        .forEach(
            s -> s.get("measurements").forEach(m -> measurements.put(m.get("name").asText(), m)));
    return measurements;
  }

  private static Map<String, String> attributes(JsonNode run) {
    Map<String, String> attributes = new HashMap<>();
    run.get("attributes")
        .forEach(a -> attributes.put(a.get("name").asText(), a.get("value").asText()));
    return attributes;
  }

  /** The run's rows, as "file name: row", in the order the recipe writes them. */
  private static List<String> rowsOf(JsonNode trace, String runId) {
    List<String> rows = new ArrayList<>();
    trace
        .get("factory_file_rows")
        .forEach(
            r -> {
              if (r.get("run_id").asText().equals(runId)) {
                rows.add(r.get("file_name").asText() + ": " + r.get("row").asText());
              }
            });
    return rows;
  }

  private static List<String> labelsOf(JsonNode trace, String runId) {
    List<String> labels = new ArrayList<>();
    trace
        .get("labels")
        .forEach(
            l -> {
              if (l.get("run_id").asText().equals(runId)) {
                labels.add(l.get("template").asText());
              }
            });
    return labels;
  }

  /** The line's station config template with every CHANGE_ME filled in, as a factory would. */
  static Path filledConfig(Path dir) throws IOException {
    return StationConfigs.filled(
        LINE,
        dir,
        Map.ofEntries(
            Map.entry("stationId", "PT-PROG-1"),
            Map.entry("computerName", "\"Linie 3 – Prüfplatz\""),
            Map.entry("programmerName", "particle-cellular-programming-1.0"),
            Map.entry("timeZone", "Asia/Shanghai"),
            Map.entry("outputFolder", "out"),
            Map.entry("archiveFolder", "archive"),
            Map.entry("partNo", "200-0044-01"),
            Map.entry("manufacturer", "Acme Electronics"),
            Map.entry("factory", "Shenzhen-2"),
            Map.entry("hwVersion", "\"1.1\""),
            Map.entry("line", "L3")));
  }
}
