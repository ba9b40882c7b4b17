package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Afero line end to end on simulated modules: the programming station, then the product-label
 * station and both RSSI stations on the same modules, into one store and one output folder. Some
 * units are made to fail at each station; for every unit the record of each station's steps, its
 * factory-file rows and labels are checked, and no unit that failed gets a row or label it should
 * not have.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AferoLineTest {
  private static final Path LINE = Path.of("..", "lines", "afero-asr");
  private static final int UNITS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path db;
  private Path out;
  private Path config;
  private final Map<String, JsonNode> summaries = new HashMap<>();

  @BeforeAll
  void runEveryStation(@TempDir Path dir) throws Exception {
    db = dir.resolve("line.db");
    out = dir.resolve("out");
    config = filledConfig(dir);
    for (String station : List.of("programming", "product-label", "rssi-ble", "rssi-wifi")) {
      CommandLineRun run =
          CommandLineRun.of(
              "run",
              "--recipe",
              LINE.resolve(station + ".yaml").toString(),
              "--simulate",
              Integer.toString(UNITS),
              "--seed",
              "7",
              "--fail-rate",
              "0.3",
              "--time-scale",
              "0.005",
              "--config",
              config.toString(),
              "--db",
              db.toString(),
              "--json");
      assertThat(run.exitCode()).as(station + ": " + run.err()).isZero();
      summaries.put(station, JSON.readTree(run.out()));
    }
  }

  @Test
  void everyStationFailedSomeUnitsWhereItsFaultWasPlanted() {
    for (var entry : summaries.entrySet()) {
      JsonNode summary = entry.getValue();
      assertThat(summary.get("units").asInt()).as(entry.getKey()).isEqualTo(UNITS);
      assertThat(summary.get("pass").asInt()).as(entry.getKey()).isBetween(1, UNITS - 1);
      // A station refuses the modules that did not pass the station before it on the line (its
      // route), whatever fault the simulator planted in them for this station: that is the only
      // way a fault may go astray.
      Set<Integer> cameThrough = cameThrough(entry.getKey());
      summary
          .get("faults_astray")
          .forEach(
              astray -> {
                int unit = Integer.parseInt(astray.asText().replaceAll("^unit (\\d+) .*$", "$1"));
                // A unit the line never built (planted for known_module) is stopped by the route
                // first, before any step looks at it.
                if (astray.asText().matches(".* at known_module but ended FAIL at route.*")) {
                  return;
                }
                assertThat(cameThrough)
                    .as(entry.getKey() + ": " + astray.asText())
                    .doesNotContain(unit);
              });
      if (entry.getKey().equals("programming")) {
        assertThat(summary.get("faults_astray")).isEmpty();
      }
    }
  }

  @Test
  void aProgrammedModuleHasItsImagesHooksRowAndLabelOnRecord() throws IOException {
    for (JsonNode run : runs("programming")) {
      JsonNode trace = trace(run.get("identifiers").get("device_id").asText());
      JsonNode record = runOf(trace, run.get("run_id").asText());
      List<String> fileRows = rowsOf(trace, run.get("run_id").asText());
      List<String> labels = labelsOf(trace, run.get("run_id").asText());
      if (!run.get("outcome").asText().equals("PASS")) {
        assertThat(fileRows).as("a failed module gets no 01 row").isEmpty();
        assertThat(labels).as("a failed module gets no QR label").isEmpty();
        continue;
      }
      assertThat(stepOutcomes(record))
          .containsOnlyKeys(
              "identify",
              "pre_test",
              "flash_bootloader",
              "flash_profile",
              "flash_app",
              "flash_wifi",
              "host_mcu",
              "post_test",
              "selftest",
              "write_01_row",
              "module_label",
              "power_on",
              "supply",
              "power_off")
          .allSatisfy((step, outcome) -> assertThat(outcome).as(step).isEqualTo("PASS"));
      List<String> images = new ArrayList<>();
      record
          .get("images")
          .forEach(i -> images.add(i.get("name").asText() + " " + i.get("version").asText()));
      assertThat(images)
          .containsExactly("bootloader 1.3.0", "profile v23371", "app 2.4.1", "wifi 1.1.8");
      assertThat(attributes(record))
          .containsEntry("pre_test.result", "PASS")
          .containsEntry("host_mcu.host_fw", "1.0.7")
          .containsEntry("post_test.leds", "ok")
          .containsKey("company_code");
      assertThat(fileRows).hasSize(1);
      String row = fileRows.get(0);
      assertThat(row)
          .startsWith("v23371,2,1.3.0,0,2.4.1,1,1.1.8,4,")
          .contains(run.get("identifiers").get("device_id").asText())
          .contains(run.get("identifiers").get("association_id").asText())
          .endsWith(",100-0012-01,Acme Electronics,Shenzhen-2,AF-PROG-1,1.2");
      assertThat(labels).containsExactly("labels/module-label.json");
    }
  }

  @Test
  void onlyModulesThatPassedProgrammingGetAProductLabel() throws IOException {
    Set<String> programmed = passedDeviceIds("programming");
    for (JsonNode run : runs("product-label")) {
      String scannedDevice = run.get("identifiers").path("device_id").asText();
      boolean passed = run.get("outcome").asText().equals("PASS");
      if (passed) {
        assertThat(programmed).contains(scannedDevice);
        JsonNode trace = trace(scannedDevice);
        assertThat(labelsOf(trace, run.get("run_id").asText()))
            .containsExactly("labels/product-label.json");
      } else {
        // The line's route refuses it before anything is done to it: it did not pass programming.
        assertThat(run.get("failed_step").asText()).isEqualTo("route");
        assertThat(run.get("message").asText())
            .satisfiesAnyOf(
                m -> assertThat(m).contains("was never recorded on line afero-asr"),
                m -> assertThat(m).contains("has not passed programming"));
      }
    }
  }

  @Test
  void rssiStationsWriteRowsOnlyForModulesWhoseLabelMatchesTheirFirmware() throws IOException {
    List<String> swapped = new ArrayList<>();
    for (String station : List.of("rssi-ble", "rssi-wifi")) {
      String rowPrefix = station.equals("rssi-ble") ? "03_" : "02_";
      for (JsonNode run : runs(station)) {
        JsonNode trace = trace(run.get("identifiers").get("device_id").asText());
        List<String> rows = rowsOf(trace, run.get("run_id").asText());
        if (run.get("outcome").asText().equals("PASS")) {
          assertThat(rows).as(station).hasSize(1);
          assertThat(rowFiles(trace, run.get("run_id").asText()))
              .allSatisfy(name -> assertThat(name).startsWith(rowPrefix));
        } else {
          assertThat(rows).as(station + " writes no row for a failed unit").isEmpty();
        }
      }
      JsonNode faults = summaries.get(station).get("injected_faults");
      faults.forEach(
          f -> {
            if (f.toString().contains("label of another unit")) {
              swapped.add(f.toString());
            }
          });
      runs(station).stream()
          .filter(r -> r.get("failed_step").asText().equals("firmware_identity"))
          .forEach(
              r ->
                  assertThat(r.get("message").asText())
                      .contains("the label does not belong to this unit"));
    }
    assertThat(swapped).as("an RSSI station had a unit with a swapped label").isNotEmpty();
  }

  @Test
  void everyFactoryFileHoldsWholeRowsUnderItsHeaderAndMatchesTheRecords() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(out)) {
      files = listing.filter(p -> p.toString().endsWith(".afero")).sorted().toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString().substring(0, 3))
        .containsExactly("01_", "02_", "03_");
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      int columns = lines.get(0).split(",", -1).length;
      assertThat(lines.subList(1, lines.size()))
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(columns));
    }
    assertThat(Files.readAllLines(files.get(0))).hasSize(1 + passedDeviceIds("programming").size());
    try (Stream<Path> labels = Files.list(out.resolve("labels"))) {
      assertThat(labels.count())
          .isEqualTo(
              passedDeviceIds("programming").size() + passedDeviceIds("product-label").size());
    }
  }

  @Test
  void aReprintIsTheSameLabelAsTheFirstAndIsRecorded() throws Exception {
    String device = passedDeviceIds("product-label").iterator().next();
    JsonNode trace = trace(device);
    String firstSha = "";
    for (JsonNode label : trace.get("labels")) {
      if (label.get("template").asText().equals("labels/product-label.json")) {
        firstSha = label.get("content_sha256").asText();
      }
    }
    CommandLineRun reprint =
        CommandLineRun.of(
            "label",
            "reprint",
            "--unit",
            device,
            "--template",
            LINE.resolve("labels/product-label.json").toString(),
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--reason",
            "torn at packing",
            "--set",
            "fcc_id=2AFRO-ASR1");
    assertThat(reprint.exitCode()).as(reprint.err()).isZero();
    assertThat(reprint.out()).contains("reprint 1 of this unit, recorded");
    Path copy = out.resolve("labels").resolve(device + "-reprint.zpl");
    assertThat(
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(copy))))
        .isEqualTo(firstSha);

    List<String> reprints = new ArrayList<>();
    trace(device).get("labels").forEach(l -> reprints.add(l.get("reprint").asText()));
    assertThat(reprints).anySatisfy(r -> assertThat(r).endsWith(": torn at packing"));

    CommandLineRun unknown =
        CommandLineRun.of(
            "label",
            "reprint",
            "--unit",
            "FFFFFFFFFFFFFFFF",
            "--template",
            LINE.resolve("labels/product-label.json").toString(),
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--reason",
            "lost");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("FFFFFFFFFFFFFFFF");
  }

  private List<JsonNode> runs(String station) {
    List<JsonNode> runs = new ArrayList<>();
    summaries.get(station).get("runs").forEach(runs::add);
    return runs;
  }

  /** The units that passed every station before this one (the line's order). */
  private Set<Integer> cameThrough(String station) {
    List<String> order = List.of("programming", "product-label", "rssi-ble", "rssi-wifi");
    Set<Integer> units = new HashSet<>();
    for (int i = 1; i <= UNITS; i++) {
      units.add(i);
    }
    for (String earlier : order.subList(0, order.indexOf(station))) {
      units.retainAll(passedUnitNumbers(earlier));
    }
    return units;
  }

  private Set<Integer> passedUnitNumbers(String station) {
    Set<Integer> units = new HashSet<>();
    for (JsonNode run : runs(station)) {
      if (run.get("outcome").asText().equals("PASS")) {
        units.add(run.get("unit").asInt());
      }
    }
    return units;
  }

  private Set<String> passedDeviceIds(String station) {
    Set<String> ids = new HashSet<>();
    for (JsonNode run : runs(station)) {
      if (run.get("outcome").asText().equals("PASS")) {
        ids.add(run.get("identifiers").get("device_id").asText());
      }
    }
    return ids;
  }

  private JsonNode trace(String identifier) throws IOException {
    CommandLineRun run =
        CommandLineRun.of("trace", "device_id=" + identifier, "--db", db.toString(), "--json");
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

  private static Map<String, String> attributes(JsonNode run) {
    Map<String, String> attributes = new HashMap<>();
    run.get("attributes")
        .forEach(a -> attributes.put(a.get("name").asText(), a.get("value").asText()));
    return attributes;
  }

  private static List<String> rowsOf(JsonNode trace, String runId) {
    return ofRun(trace, "factory_file_rows", runId, "row");
  }

  private static List<String> rowFiles(JsonNode trace, String runId) {
    return ofRun(trace, "factory_file_rows", runId, "file_name");
  }

  private static List<String> labelsOf(JsonNode trace, String runId) {
    return ofRun(trace, "labels", runId, "template");
  }

  /** One field of the entries of a trace section that belong to the run. */
  private static List<String> ofRun(JsonNode trace, String section, String runId, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode entry : trace.get(section)) {
      if (entry.get("run_id").asText().equals(runId)) {
        values.add(entry.get(field).asText());
      }
    }
    return values;
  }

  /** The line's station config template with every CHANGE_ME filled in, as a factory would. */
  static Path filledConfig(Path dir) throws IOException {
    return StationConfigs.filled(
        LINE,
        dir,
        Map.ofEntries(
            Map.entry("stationId", "AF-PROG-1"),
            Map.entry("computerName", "\"Linie 3 – Prüfplatz\""),
            Map.entry("programmerName", "acme-plug"),
            Map.entry("timeZone", "Asia/Shanghai"),
            Map.entry("outputFolder", "out"),
            Map.entry("archiveFolder", "archive"),
            Map.entry("partNo", "100-0012-01"),
            Map.entry("manufacturer", "Acme Electronics"),
            Map.entry("factory", "Shenzhen-2"),
            Map.entry("hwVersion", "\"1.2\""),
            Map.entry("line", "L3")));
  }
}
