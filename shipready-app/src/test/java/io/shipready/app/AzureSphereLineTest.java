package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.app.simulate.AutoAnswerPrompter;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.EventBus;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.QueuedRow;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.StationOutputs;
import io.shipready.core.spi.UnitSource;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.image.FileImageLibrary;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.azuresphere.AzureSphereOs;
import io.shipready.store.RecordWriter;
import io.shipready.store.StationInfo;
import io.shipready.store.Store;
import io.shipready.store.UnitTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled Azure Sphere line, station after station, on simulated units that carry their state
 * from one station to the next (as a unit carried across the floor does): recovery, programming,
 * ship audit. Everything is checked in the store, as a quality engineer would look it up later.
 */
class AzureSphereLineTest {
  private static final Path LINE = Path.of("..", "lines", "azure-sphere");
  private static final RecipeParser PARSER = new RecipeParser(StandardSteps.library());

  private static final String APP_IMAGE_ID = "aac4498c-f1ad-44a2-8a67-95b7e816fc8f";
  private static final String APP_COMPONENT = "201ff9f1-2101-47dd-b2d2-7c4acd5a3ad5";
  private static final String TEST_IMAGE_ID = "d594361b-d97d-4eda-9451-e5c036d9af47";
  private static final List<String> OS_24_10 =
      List.of(
          "b8ed304d-d305-4599-97af-3ad7c76bd6a7",
          "3d5dc860-c0c8-4a5e-9c98-768708e4b3de",
          "540a08c0-d328-4c30-b3e9-60d1373bfe8d");

  /** Every step of the programming station, which a passing unit must have passed once each. */
  private static final List<String> PROGRAMMING_STEPS =
      List.of(
          "details",
          "load_app",
          "load_board_config",
          "load_functional_test",
          "functional_test",
          "delete_functional_test",
          "wifi_add",
          "wifi_check",
          "wifi_remove",
          "restart",
          "ethernet",
          "region_code",
          "tx_power",
          "rf_verify",
          "ready_blank",
          "module1_complete",
          "ready_module1",
          "device_complete");

  /** A station configured with region code DE (extra.regionCode), printing nothing. */
  private static final StationOutputs REGION_DE =
      new StationOutputs() {
        @Override
        public PrintedLabel printLabel(
            String runId, Path template, int copies, Map<String, String> with) {
          return new PrintedLabel(template.getFileName().toString(), "none", 1, "", "");
        }

        @Override
        public QueuedRow queueRow(
            String runId, String stepId, String file, Map<String, String> with) {
          return StationOutputs.NONE.queueRow(runId, stepId, file, with);
        }

        @Override
        public Optional<String> stationField(String name) {
          return name.equals("station.extra.regionCode") ? Optional.of("DE") : Optional.empty();
        }
      };

  @TempDir Path dir;

  /** One line: its recipes, its store and the units on it. */
  private final class Line implements AutoCloseable {
    final Path folder;
    final Store store;
    final Map<Integer, SimulatedDevice> units = new LinkedHashMap<>();

    Line(Path folder) {
      this.folder = folder;
      this.store = Store.open("jdbc:sqlite:" + dir.resolve("line.db"));
    }

    Recipe recipe(String name) {
      return PARSER.parse(folder.resolve(name));
    }

    /** Fresh units, made by the recovery station's simulation settings. */
    void unitsArrive(int count) {
      Recipe recovery = recipe("recovery.yaml");
      SimulatedFleet fleet =
          new SimulatedFleet(
              SimulationSettings.fromMap(recovery.simulation(), recovery.baseDir()).toBuilder()
                  .timeScale(0)
                  .build());
      for (int number = 1; number <= count; number++) {
        units.put(number, fleet.unit(number, "slot" + number, "azure-sphere"));
      }
    }

    /** Runs {@code units} through the station's recipe; returns each unit's run by number. */
    Map<Integer, RunResult> station(String recipeName, String stationId, List<Integer> numbers) {
      Recipe recipe = recipe(recipeName);
      Queue<AttachedUnit> queue = new ConcurrentLinkedQueue<>();
      numbers.forEach(n -> queue.add(new AttachedUnit(n, units.get(n))));
      UnitSource source = slot -> Optional.ofNullable(queue.poll());
      StationReport report;
      try (RecordWriter writer =
          store.openWriter(
              new StationInfo(stationId, "line-pc", "tester", Map.of("recipe", recipe.name())))) {
        EventBus events = new EventBus();
        report =
            Station.builder(recipe, StandardSteps.library())
                .slots(
                    Station.Builder.numberedSlots(
                        Math.min(recipe.station().slots(), numbers.size())))
                .events(events)
                .records(writer)
                .images(new FileImageLibrary(recipe.baseDir()))
                .prompter(new AutoAnswerPrompter())
                .outputs(REGION_DE)
                .build()
                .run(source);
      }
      assertThat(report.stationError()).isEmpty();
      Map<Integer, RunResult> byUnit = new LinkedHashMap<>();
      report.runs().forEach(run -> byUnit.put(run.unitNumber(), run));
      assertThat(byUnit.keySet()).containsExactlyInAnyOrderElementsOf(numbers);
      return byUnit;
    }

    UnitTrace trace(int number) throws InterruptedException {
      String deviceId =
          units.get(number).require(io.shipready.core.spi.Identity.class).identifiers().stream()
              .filter(id -> id.kind().equals(Identifier.DEVICE_ID))
              .findFirst()
              .orElseThrow()
              .value();
      return store.trace(deviceId);
    }

    ManufacturingState state(int number) throws InterruptedException {
      return units.get(number).require(ManufacturingStates.class).current();
    }

    @Override
    public void close() {
      store.close();
    }
  }

  private static List<Integer> passed(Map<Integer, RunResult> runs) {
    return runs.values().stream()
        .filter(run -> run.outcome() == Outcome.PASS)
        .map(RunResult::unitNumber)
        .sorted()
        .toList();
  }

  private static UnitTrace.Run run(UnitTrace trace, String recipe) {
    List<UnitTrace.Run> runs =
        trace.runs().stream().filter(r -> r.recipe().equals(recipe)).toList();
    assertThat(runs).as("runs of %s", recipe).hasSize(1);
    return runs.get(0);
  }

  private static Map<String, String> attributes(UnitTrace.Run run) {
    Map<String, String> attributes = new LinkedHashMap<>();
    run.attributes().forEach(a -> attributes.put(a.stepId() + "/" + a.name(), a.value()));
    return attributes;
  }

  private static List<String> audits(UnitTrace.Run run) {
    return run.irreversibleOperations().stream().map(a -> a.stepId() + ":" + a.phase()).toList();
  }

  private static void assertPassed(UnitTrace.Run run, List<String> steps) {
    assertThat(run.outcome()).as(run.recipe() + ": " + run.message()).isEqualTo(Outcome.PASS);
    for (String step : steps) {
      assertThat(run.steps())
          .as("step %s of %s", step, run.recipe())
          .anyMatch(s -> s.stepId().equals(step) && s.outcome() == StepOutcome.PASS);
    }
  }

  @Test
  void everyStationOnTenUnitsRecordsEverySeedStepAndFinalizesNoFailedUnit() throws Exception {
    try (Line line = new Line(LINE)) {
      line.unitsArrive(10);
      // Unit 3 is pulled out halfway through its recovery.
      line.units.get(3).inject(new Fault.Unplugged("recover"));
      List<Integer> all = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

      Map<Integer, RunResult> recovery = line.station("recovery.yaml", "SPHERE-REC-01", all);

      assertThat(recovery.get(3).outcome()).isEqualTo(Outcome.ERROR);
      assertThat(recovery.get(3).failedStep()).isEqualTo("recover_os");
      List<Integer> recovered = passed(recovery);
      assertThat(recovered).containsExactly(1, 2, 4, 5, 6, 7, 8, 9, 10);

      // Between stations: unit 2's recovery images are older than the line's images (its keystore
      // lacks the line key), unit 4 is pulled while its application loads, unit 5 has a detuned
      // antenna, and unit 6 came with a region code already burnt by a module maker.
      line.units.get(2).inject(new Fault.StaleKeystore());
      line.units.get(4).inject(new Fault.Unplugged("install:" + APP_COMPONENT));
      line.units.get(5).inject(new Fault.LowRssi(Radio.Band.WIFI, -88));
      line.units.get(6).require(Fuses.class).write(0x36, "US".getBytes(StandardCharsets.US_ASCII));

      Map<Integer, RunResult> programming =
          line.station("programming.yaml", "SPHERE-PROG-01", recovered);

      assertThat(programming.get(4).outcome()).isEqualTo(Outcome.ERROR);
      assertThat(programming.get(4).failedStep()).isEqualTo("load_app");
      assertThat(programming.get(5).outcome()).isEqualTo(Outcome.FAIL);
      assertThat(programming.get(5).failedStep()).isEqualTo("wifi_check");
      assertThat(programming.get(6).outcome()).isEqualTo(Outcome.FAIL);
      assertThat(programming.get(6).failedStep()).isEqualTo("region_code");
      List<Integer> programmed = passed(programming);
      assertThat(programmed).containsExactly(1, 2, 7, 8, 9, 10);

      Map<Integer, RunResult> audit =
          line.station("ship-audit.yaml", "SPHERE-AUDIT-01", programmed);
      assertThat(passed(audit)).containsExactlyElementsOf(programmed);

      for (int unit : programmed) {
        UnitTrace trace = line.trace(unit);
        assertThat(line.state(unit)).isEqualTo(ManufacturingState.DEVICE_COMPLETE);

        // Connect first, device details second: device id, IP address and connection path.
        UnitTrace.Run rec = run(trace, "azure-sphere-recovery");
        assertPassed(rec, List.of("details", "recover_os"));
        Map<String, String> recAttributes = attributes(rec);
        assertThat(recAttributes)
            .containsKeys("details/device.connection_path", "details/device.ip_address")
            .containsEntry(
                "details/device.device_id",
                trace.identities().stream()
                    .filter(id -> id.kind().equals(Identifier.DEVICE_ID))
                    .findFirst()
                    .orElseThrow()
                    .value());
        assertThat(rec.steps().get(0).stepId()).isEqualTo("details");

        UnitTrace.Run prog = run(trace, "azure-sphere-programming");
        assertPassed(prog, PROGRAMMING_STEPS);
        Map<String, String> progAttributes = attributes(prog);
        // Production-signed images, the functional test image among them (and deleted again).
        assertThat(prog.images())
            .extracting(UnitTrace.Image::stepId, UnitTrace.Image::name)
            .contains(
                org.assertj.core.api.Assertions.tuple("load_app", APP_IMAGE_ID),
                org.assertj.core.api.Assertions.tuple(
                    "load_board_config", "f171d4a6-3ecf-466b-8024-c179a7f38b26"),
                org.assertj.core.api.Assertions.tuple("load_functional_test", TEST_IMAGE_ID));
        // RF: region code burnt into 0x36/0x37 and verified with the other RF settings.
        assertThat(progAttributes)
            .containsEntry("region_code/efuse.54", "4445")
            .containsEntry("tx_power/efuse.64", "1212")
            .containsEntry("rf_verify/rf.efuse.54", "4445")
            .containsEntry("rf_verify/rf.efuse.64", "1212")
            .containsKey("rf_verify/rf.wifi_mac");
        // Wi-Fi measured on the test network; Ethernet up after the board config and reboot.
        assertThat(prog.steps())
            .filteredOn(s -> s.stepId().equals("wifi_check"))
            .flatExtracting(UnitTrace.StepAttempt::measurements)
            .extracting(UnitTrace.MeasurementValue::name, UnitTrace.MeasurementValue::passed)
            .containsExactly(org.assertj.core.api.Assertions.tuple("wifi_rssi", true));
        assertThat(progAttributes).containsEntry("ethernet/ethernet.link", "up");
        // The IP address moved with the reboot; the connection path did not.
        assertThat(progAttributes.get("ethernet/device.ip_address"))
            .isNotEqualTo(progAttributes.get("details/device.ip_address"));
        assertThat(progAttributes.get("details/device.connection_path"))
            .isEqualTo(recAttributes.get("details/device.connection_path"));
        assertThat(progAttributes)
            .containsEntry(
                "delete_functional_test/image.deleted", "77a74c44-697e-4aed-b8fc-35b3d7f9542e");
        // Ready-to-ship in both states before each state change, with each verdict kept.
        assertThat(progAttributes.get("ready_blank/ready_to_ship.capabilities"))
            .startsWith("capabilities: SKIPPED");
        assertThat(progAttributes.get("ready_blank/ready_to_ship.os_version"))
            .isEqualTo("os version: PASS (24.10)");
        assertThat(progAttributes.get("ready_module1/ready_to_ship.capabilities"))
            .isEqualTo("capabilities: PASS (none)");
        assertThat(progAttributes.get("ready_module1/ready_to_ship.application_images"))
            .isEqualTo("application images: PASS (" + APP_IMAGE_ID + ")");
        assertThat(progAttributes)
            .containsEntry("module1_complete/state.before", "Blank")
            .containsEntry("module1_complete/state.after", "Module1Complete")
            .containsEntry("device_complete/state.before", "Module1Complete")
            .containsEntry("device_complete/state.after", "DeviceComplete");
        // Every irreversible step audited before and after.
        assertThat(audits(prog))
            .containsExactly(
                "region_code:BEFORE",
                "region_code:AFTER_SUCCESS",
                "tx_power:BEFORE",
                "tx_power:AFTER_SUCCESS",
                "module1_complete:BEFORE",
                "module1_complete:AFTER_SUCCESS",
                "device_complete:BEFORE",
                "device_complete:AFTER_SUCCESS");

        UnitTrace.Run shipped = run(trace, "azure-sphere-ship-audit");
        assertPassed(shipped, List.of("details", "ready_shipped"));
        assertThat(attributes(shipped).get("ready_shipped/ready_to_ship.wifi_networks"))
            .isEqualTo("wifi networks: SKIPPED (device is DeviceComplete)");
      }

      // The stale keystore was updated and the image loaded on the retry; the record says so.
      Map<String, String> stale = attributes(run(line.trace(2), "azure-sphere-programming"));
      assertThat(stale)
          .containsEntry(
              "load_app/keystore.updated", "images/keystore-2024.bin (image keystore-2024)")
          .containsEntry(
              "load_app/keystore.retried", APP_IMAGE_ID + " loaded after the keystore update");
      assertThat(run(line.trace(2), "azure-sphere-programming").images())
          .extracting(UnitTrace.Image::name)
          .startsWith("keystore-2024", APP_IMAGE_ID);
      assertThat(attributes(run(line.trace(1), "azure-sphere-programming")))
          .doesNotContainKey("load_app/keystore.updated");

      // No failed unit reached Module1Complete or DeviceComplete, on the unit or in the record.
      for (int unit : List.of(3, 4, 5, 6)) {
        assertThat(line.state(unit)).as("unit %d", unit).isEqualTo(ManufacturingState.BLANK);
        UnitTrace trace = line.trace(unit);
        assertThat(trace.runs())
            .allMatch(
                r -> r.outcome() != Outcome.PASS || r.recipe().equals("azure-sphere-recovery"));
        for (UnitTrace.Run r : trace.runs()) {
          assertThat(audits(r))
              .noneMatch(a -> a.startsWith("module1_complete") || a.startsWith("device_complete"));
        }
      }
      // Unit 6's foreign region code was left alone, and no write was even tried.
      UnitTrace.Run unit6 = run(line.trace(6), "azure-sphere-programming");
      assertThat(unit6.message()).contains("already hold 5553");
      assertThat(audits(unit6)).containsExactly("region_code:BEFORE", "region_code:AFTER_FAILURE");
    }
  }

  @Test
  void deviceCompleteIsRefusedWhenAReadyToShipCheckFails() throws Exception {
    try (Line line = new Line(LINE)) {
      line.unitsArrive(1);
      line.station("recovery.yaml", "SPHERE-REC-01", List.of(1));
      // A capability left over from rework: only visible once the unit is past Blank.
      line.units.get(1).inject(new Fault.CapabilityInstalled(AzureSphereOs.FIELD_SERVICING));

      RunResult run = line.station("programming.yaml", "SPHERE-PROG-01", List.of(1)).get(1);

      assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(run.failedStep()).isEqualTo("ready_module1");
      assertThat(run.message()).contains("capabilities: FAIL").contains("EnableFieldServicing");
      assertThat(line.state(1)).isEqualTo(ManufacturingState.MODULE1_COMPLETE);
      UnitTrace.Run record = run(line.trace(1), "azure-sphere-programming");
      assertThat(audits(record)).noneMatch(a -> a.startsWith("device_complete"));
      assertThat(record.steps())
          .filteredOn(s -> s.stepId().equals("device_complete"))
          .allMatch(s -> s.outcome() != StepOutcome.PASS);
    }
  }

  @Test
  void aTestImageLeftOnTheDeviceFailsReadyToShipBeforeAnyStateChange() throws Exception {
    Path copy = copyOfLine();
    Path programming = copy.resolve("programming.yaml");
    String recipe = Files.readString(programming, StandardCharsets.UTF_8);
    int from = recipe.indexOf("  - id: delete_functional_test");
    int to = recipe.indexOf("  - id: wifi_add");
    Files.writeString(programming, recipe.substring(0, from) + recipe.substring(to));

    try (Line line = new Line(copy)) {
      line.unitsArrive(1);
      line.station("recovery.yaml", "SPHERE-REC-01", List.of(1));
      RunResult run = line.station("programming.yaml", "SPHERE-PROG-01", List.of(1)).get(1);

      assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(run.failedStep()).isEqualTo("ready_blank");
      assertThat(run.message()).contains("application images: FAIL").contains(TEST_IMAGE_ID);
      assertThat(line.state(1)).isEqualTo(ManufacturingState.BLANK);
    }
  }

  @Test
  void anEfuseWriteAfterModule1CompleteIsRefusedAndRecorded() throws Exception {
    try (Line line = new Line(LINE)) {
      line.unitsArrive(1);
      line.station("recovery.yaml", "SPHERE-REC-01", List.of(1));
      line.units
          .get(1)
          .require(ManufacturingStates.class)
          .advanceTo(ManufacturingState.MODULE1_COMPLETE);

      RunResult run = line.station("programming.yaml", "SPHERE-PROG-01", List.of(1)).get(1);

      assertThat(run.outcome()).isNotEqualTo(Outcome.PASS);
      assertThat(run.failedStep()).isEqualTo("region_code");
      assertThat(run.message()).contains("refused").contains("Module1Complete").contains("Blank");
      assertThat(line.units.get(1).require(Fuses.class).read(0x36, 2)).containsExactly(0, 0);
      UnitTrace.Run record = run(line.trace(1), "azure-sphere-programming");
      assertThat(audits(record)).containsExactly("region_code:BEFORE", "region_code:AFTER_FAILURE");
      assertThat(line.state(1)).isEqualTo(ManufacturingState.MODULE1_COMPLETE);
    }
  }

  @Test
  void changeMeInTheStationConfigStopsTheStation() {
    Path db = dir.resolve("station.db");

    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINE.resolve("programming.yaml").toString(),
            "--simulate",
            "8",
            "--db",
            db.toString(),
            "--config",
            LINE.resolve("station-config.template.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("station-config.template.yaml:9:")
        .contains("stationId is still CHANGE_ME")
        .contains("regionCode");
    assertThat(run.out()).doesNotContain("unit 1");
    assertThat(db).doesNotExist();
  }

  @Test
  void theProgrammingStationRunsFromTheCommandLine() throws IOException {
    Path db = dir.resolve("cli.db");
    Path config = io.shipready.app.cli.DemoCommand.filledConfig(LINE, dir, "programming");
    // The line's route: programming takes the units recovery passed (the same simulated units).
    CommandLineRun recovered =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINE.resolve("recovery.yaml").toString(),
            "--simulate",
            "8",
            "--time-scale",
            "0",
            "--db",
            db.toString());
    assertThat(recovered.exitCode()).as(recovered.err()).isZero();

    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINE.resolve("programming.yaml").toString(),
            "--simulate",
            "8",
            "--time-scale",
            "0",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"pass\" : 8");
  }

  @Test
  void theRegionCodeComesFromTheStationConfig() throws IOException {
    Path noConfig = dir.resolve("none.db");
    CommandLineRun without =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINE.resolve("programming.yaml").toString(),
            "--simulate",
            "1",
            "--db",
            noConfig.toString());
    assertThat(without.exitCode()).isEqualTo(1);
    assertThat(without.err()).contains("region_code").contains("--config");
    assertThat(noConfig).doesNotExist();

    Path config = io.shipready.app.cli.DemoCommand.filledConfig(LINE, dir, "programming");
    Files.writeString(config, Files.readString(config).replaceAll("(?m)^\\s*regionCode:.*\\n", ""));
    CommandLineRun missing =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINE.resolve("programming.yaml").toString(),
            "--simulate",
            "1",
            "--config",
            config.toString(),
            "--db",
            noConfig.toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("region_code").contains("station.extra.regionCode");
  }

  private Path copyOfLine() throws IOException {
    Path copy = dir.resolve("azure-sphere");
    try (Stream<Path> files = Files.walk(LINE)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(LINE.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return copy;
  }
}
