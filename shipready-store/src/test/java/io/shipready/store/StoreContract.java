package io.shipready.store;

import static io.shipready.store.RunScript.volts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shipready.core.event.Event;
import io.shipready.core.event.Event.IrreversibleOperation.Phase;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every store must do, whatever the engine. Subclasses give the database; tests of one class
 * share it (as stations share a factory database), so each test names its units uniquely.
 */
abstract class StoreContract {
  static final Duration WAIT = Duration.ofSeconds(30);

  /** The store URL for this test class. */
  abstract String url();

  Store store;
  String tag;

  /** Skips the test (saying why) when the database is not available. */
  void assumeAvailable() {}

  @BeforeEach
  void openStore() {
    assumeAvailable();
    store = Store.open(url());
    tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  StationInfo station(String name) {
    return new StationInfo(
        name + "-" + tag, "PC-" + name, "alice", Map.of("fixture", "F1", "line", "tracker"));
  }

  List<Identifier> identifiers(String unit) {
    return List.of(
        new Identifier(Identifier.SERIAL, "SN-" + tag + "-" + unit),
        new Identifier(Identifier.DEVICE_ID, "e00fce68" + tag + unit),
        new Identifier(Identifier.ICCID, "8901260" + tag + unit),
        new Identifier(Identifier.IMEI, "35693803" + tag + unit),
        new Identifier(Identifier.BLE_MAC, "F0:" + tag + ":" + unit),
        new Identifier(Identifier.ASSOCIATION_ID, "assoc-" + tag + "-" + unit));
  }

  String serial(String unit) {
    return "SN-" + tag + "-" + unit;
  }

  /** A complete run: identify, scan a component, flash, measure (retried), e-fuse, skip, pass. */
  RunScript completeRun(RecordWriter writer, String slot, String unit) {
    return new RunScript(writer, slot, 1)
        .identified(identifiers(unit).toArray(Identifier[]::new))
        .step("identify", "identify")
        .started("scan-pcb", "scan", 1)
        .component("scan-pcb", "U3", "PCB-" + tag + "-" + unit)
        .finished("scan-pcb", "scan", 1, StepOutcome.PASS, "")
        .started("flash", "flash", 1)
        .image("flash", "tracker-app", "1.4.2", "ab".repeat(32))
        .attribute("flash", "image_sha256", "ab".repeat(32))
        .finished("flash", "flash", 1, StepOutcome.PASS, "")
        .step("vbat", "measure", 1, StepOutcome.FAIL, "vbat out of range", volts(2.91, false))
        .step("vbat", "measure", 2, StepOutcome.PASS, "", volts(3.30, true))
        .started("efuse", "efuse", 1)
        .irreversible("efuse", Phase.BEFORE, "write secure-boot fuses")
        .irreversible("efuse", Phase.AFTER_SUCCESS, "fuses read back 0x3")
        .finished("efuse", "efuse", 1, StepOutcome.PASS, "")
        .skipped("wifi", "wifi", "not in this variant")
        .pass();
  }

  @Test
  void aCompleteRunIsStoredWithEverythingItRecorded() throws Exception {
    String runId;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      writer.on(new Event.SlotChanged("2", SlotState.BUSY, "", Instant.now()));
      runId = completeRun(writer, "2", "A").runId();
      assertThat(writer.awaitDurable(runId, WAIT)).isTrue();
    }

    UnitTrace trace = store.trace(serial("A"));
    assertThat(trace.name()).isEqualTo(serial("A"));
    assertThat(trace.matchedBy()).isEqualTo(new UnitTrace.Match(Identifier.SERIAL, serial("A")));
    assertThat(trace.identities())
        .extracting(UnitTrace.Identity::kind, UnitTrace.Identity::value)
        .containsExactlyInAnyOrderElementsOf(
            identifiers("A").stream()
                .map(id -> org.assertj.core.groups.Tuple.tuple(id.kind(), id.value()))
                .toList());
    assertThat(trace.identities()).allSatisfy(id -> assertThat(id.firstRunId()).isEqualTo(runId));

    assertThat(trace.runs()).hasSize(1);
    UnitTrace.Run run = trace.runs().get(0);
    assertThat(run.runId()).isEqualTo(runId);
    assertThat(run.stationId()).isEqualTo("final-" + tag);
    assertThat(run.computerName()).isEqualTo("PC-final");
    assertThat(run.slot()).isEqualTo("2");
    assertThat(run.recipe()).isEqualTo(RunScript.RECIPE);
    assertThat(run.recipeVersion()).isEqualTo(RunScript.RECIPE_VERSION);
    assertThat(run.recipeSha256()).isEqualTo(RunScript.RECIPE_SHA);
    assertThat(run.variant()).isEqualTo("eu");
    assertThat(run.operator()).isEqualTo("alice");
    assertThat(run.retest()).isZero();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(run.ended()).isAfter(run.started());

    assertThat(run.steps())
        .extracting(
            UnitTrace.StepAttempt::stepId,
            UnitTrace.StepAttempt::attempt,
            UnitTrace.StepAttempt::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("identify", 1, StepOutcome.PASS),
            org.assertj.core.groups.Tuple.tuple("scan-pcb", 1, StepOutcome.PASS),
            org.assertj.core.groups.Tuple.tuple("flash", 1, StepOutcome.PASS),
            org.assertj.core.groups.Tuple.tuple("vbat", 1, StepOutcome.FAIL),
            org.assertj.core.groups.Tuple.tuple("vbat", 2, StepOutcome.PASS),
            org.assertj.core.groups.Tuple.tuple("efuse", 1, StepOutcome.PASS),
            org.assertj.core.groups.Tuple.tuple("wifi", 0, StepOutcome.SKIPPED));
    UnitTrace.StepAttempt failedTry = run.steps().get(3);
    assertThat(failedTry.message()).isEqualTo("vbat out of range");
    assertThat(failedTry.duration()).isEqualTo(Duration.ofMillis(1));
    assertThat(failedTry.measurements())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo("vbat");
              assertThat(m.numericValue()).isEqualTo(2.91);
              assertThat(m.value()).isEqualTo("2.91");
              assertThat(m.units()).isEqualTo("V");
              assertThat(m.limits()).containsExactly("range 3.0..3.6");
              assertThat(m.passed()).isFalse();
              assertThat(m.message()).isEqualTo("out of range");
            });
    assertThat(run.steps().get(4).measurements())
        .singleElement()
        .satisfies(m -> assertThat(m.passed()).isTrue());
    assertThat(run.steps().get(6).message()).isEqualTo("not in this variant");

    assertThat(run.attributes())
        .extracting(UnitTrace.Attribute::name, UnitTrace.Attribute::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("image_sha256", "ab".repeat(32)));
    assertThat(run.images())
        .extracting(UnitTrace.Image::name, UnitTrace.Image::version, UnitTrace.Image::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tracker-app", "1.4.2", "ab".repeat(32)));
    assertThat(run.irreversibleOperations())
        .extracting(UnitTrace.Audit::stepId, UnitTrace.Audit::phase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("efuse", Phase.BEFORE),
            org.assertj.core.groups.Tuple.tuple("efuse", Phase.AFTER_SUCCESS));
    assertThat(trace.genealogy().components())
        .extracting(UnitTrace.Component::position, UnitTrace.Component::barcode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("U3", "PCB-" + tag + "-A"));
    assertThat(trace.genealogy().builtInto()).isEmpty();
    assertThat(trace.labels()).isEmpty();
    assertThat(trace.factoryFileRows()).isEmpty();
    assertThat(trace.uploads()).isEmpty();
    assertThat(trace.provisioning()).isEmpty();
  }

  @Test
  void eachRunRecordsTheStationPackageItWasBuiltWith() throws Exception {
    StationPackage approved =
        new StationPackage("tracker-line", "2.1.0", "cd".repeat(32), "SHA256:k");
    StationInfo packaged = new StationInfo("pkg-" + tag, "PC-pkg", "alice", Map.of(), approved);
    String withPackage;
    try (RecordWriter writer = store.openWriter(packaged)) {
      withPackage = completeRun(writer, "1", "P").runId();
      assertThat(writer.awaitDurable(withPackage, WAIT)).isTrue();
    }
    String without;
    try (RecordWriter writer = store.openWriter(station("plain"))) {
      without = completeRun(writer, "1", "Q").runId();
      assertThat(writer.awaitDurable(without, WAIT)).isTrue();
    }

    UnitTrace.Run run = store.trace(serial("P")).runs().get(0);
    assertThat(run.stationPackage()).isEqualTo(approved);
    assertThat(TraceText.render(store.trace(serial("P"))))
        .contains("package tracker-line 2.1.0 manifest sha256 " + "cd".repeat(32))
        .contains("signed by SHA256:k");
    assertThat(store.trace(serial("Q")).runs().get(0).stationPackage()).isNull();
  }

  @Test
  void aTraceReadsAsTextAndRoundTripsThroughJson() throws Exception {
    try (RecordWriter writer = store.openWriter(station("final"))) {
      assertThat(writer.awaitDurable(completeRun(writer, "1", "T").runId(), WAIT)).isTrue();
    }
    UnitTrace trace = store.trace(serial("T"));

    String text = TraceText.render(trace);
    assertThat(text)
        .contains("Unit " + serial("T"))
        .contains("Found by serial " + serial("T"))
        .contains("U3  PCB-" + tag + "-T")
        .contains("vbat = 2.91 V  [range 3.0..3.6]  FAIL")
        .contains("image tracker-app 1.4.2")
        .contains("irreversible efuse BEFORE")
        .contains("Labels printed\n  (none)")
        .contains("Provisioning\n  (none)");

    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    String written = json.writeValueAsString(trace);
    assertThat(json.readValue(written, UnitTrace.class)).isEqualTo(trace);
    assertThat(
            json.readTree(written).get("runs").get(0).get("steps").get(3).get("outcome").asText())
        .isEqualTo("FAIL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Identifier.SERIAL,
        Identifier.DEVICE_ID,
        Identifier.ICCID,
        Identifier.IMEI,
        Identifier.BLE_MAC,
        Identifier.ASSOCIATION_ID,
        Identifier.COMPONENT
      })
  void everyIdentifierKindFindsTheSameUnit(String kind) throws Exception {
    try (RecordWriter writer = store.openWriter(station("final"))) {
      assertThat(writer.awaitDurable(completeRun(writer, "1", "K").runId(), WAIT)).isTrue();
    }
    long unit = store.trace(serial("K")).unitId();
    String value =
        kind.equals(Identifier.COMPONENT)
            ? "PCB-" + tag + "-K"
            : identifiers("K").stream()
                .filter(id -> id.kind().equals(kind))
                .findFirst()
                .get()
                .value();

    UnitTrace trace = store.trace(value);
    assertThat(trace.unitId()).isEqualTo(unit);
    assertThat(trace.matchedBy()).isEqualTo(new UnitTrace.Match(kind, value));
    assertThat(store.trace("  " + value + " ").unitId()).isEqualTo(unit);
  }

  @Test
  void aComponentShowsTheUnitItWasBuiltInto() throws Exception {
    String module = "MOD-" + tag;
    try (RecordWriter writer = store.openWriter(station("pcba"))) {
      String moduleRun =
          new RunScript(writer, "1", 1)
              .identified(new Identifier(Identifier.SERIAL, module))
              .step("test", "measure", volts(3.3, true))
              .pass()
              .runId();
      String productRun =
          new RunScript(writer, "1", 2)
              .identified(new Identifier(Identifier.SERIAL, serial("P")))
              .started("scan", "scan", 1)
              .component("scan", "J1", module)
              .finished("scan", "scan", 1, StepOutcome.PASS, "")
              .pass()
              .runId();
      assertThat(writer.awaitDurable(moduleRun, WAIT)).isTrue();
      assertThat(writer.awaitDurable(productRun, WAIT)).isTrue();
    }
    UnitTrace moduleTrace = store.trace("serial=" + module);
    assertThat(moduleTrace.name()).isEqualTo(module);
    assertThat(moduleTrace.genealogy().builtInto())
        .singleElement()
        .satisfies(
            parent -> {
              assertThat(parent.unitName()).isEqualTo(serial("P"));
              assertThat(parent.position()).isEqualTo("J1");
              assertThat(parent.barcode()).isEqualTo(module);
            });
    // The bare barcode is both the module's serial and a component of the product.
    assertThatThrownBy(() -> store.trace(module)).isInstanceOf(AmbiguousIdentifierException.class);
    assertThat(store.trace("component=" + module).name()).isEqualTo(serial("P"));
  }

  @Test
  void anUnknownIdentifierSaysToCheckTheScan() {
    assertThatThrownBy(() -> store.trace("NO-SUCH-" + tag))
        .isInstanceOf(UnknownIdentifierException.class)
        .hasMessageContaining("'NO-SUCH-" + tag + "'")
        .hasMessageContaining("Check the scan");
  }

  @Test
  void anIdentifierTwoUnitsCarryIsAmbiguousAndKindNarrowsIt() throws Exception {
    String shared = "4711" + tag;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      String first =
          new RunScript(writer, "1", 1)
              .identified(new Identifier(Identifier.SERIAL, shared))
              .pass()
              .runId();
      String second =
          new RunScript(writer, "2", 2)
              .identified(
                  new Identifier(Identifier.SERIAL, serial("B")),
                  new Identifier(Identifier.IMEI, shared))
              .pass()
              .runId();
      assertThat(writer.awaitDurable(first, WAIT)).isTrue();
      assertThat(writer.awaitDurable(second, WAIT)).isTrue();
    }
    assertThatThrownBy(() -> store.trace(shared))
        .isInstanceOfSatisfying(
            AmbiguousIdentifierException.class,
            ambiguous ->
                assertThat(ambiguous.candidates())
                    .extracting(
                        AmbiguousIdentifierException.Candidate::kind,
                        AmbiguousIdentifierException.Candidate::unitName)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Identifier.SERIAL, shared),
                        org.assertj.core.groups.Tuple.tuple(Identifier.IMEI, serial("B"))))
        .hasMessageContaining("carried by 2 units")
        .hasMessageContaining("more specific identifier");
    assertThat(store.trace("serial=" + shared).name()).isEqualTo(shared);
    assertThat(store.trace("imei=" + shared).name()).isEqualTo(serial("B"));
  }

  @Test
  void aSecondRunOfTheSameUnitIsARetest() throws Exception {
    String first;
    String second;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      first =
          new RunScript(writer, "1", 1)
              .identified(new Identifier(Identifier.SERIAL, serial("R")))
              .step("vbat", "measure", 1, StepOutcome.FAIL, "low", volts(2.5, false))
              .finish(Outcome.FAIL, "vbat", "low")
              .runId();
      assertThat(writer.awaitDurable(first, WAIT)).isTrue();
      second =
          new RunScript(writer, "3", 2)
              .identified(
                  new Identifier(Identifier.DEVICE_ID, "dev-" + tag + "-R"),
                  new Identifier(Identifier.SERIAL, serial("R")))
              .step("vbat", "measure", volts(3.3, true))
              .pass()
              .runId();
      assertThat(writer.awaitDurable(second, WAIT)).isTrue();
    }
    UnitTrace trace = store.trace("dev-" + tag + "-R");
    assertThat(trace.runs())
        .extracting(UnitTrace.Run::runId, UnitTrace.Run::retest, UnitTrace.Run::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first, 0, Outcome.FAIL),
            org.assertj.core.groups.Tuple.tuple(second, 1, Outcome.PASS));
    assertThat(trace.runs().get(0).failedStep()).isEqualTo("vbat");
    assertThat(trace.identities()).hasSize(2);
  }

  @Test
  void aRunThatLaterReportsAKnownIdentifierJoinsThatUnit() throws Exception {
    try (RecordWriter writer = store.openWriter(station("final"))) {
      String first =
          new RunScript(writer, "1", 1)
              .identified(new Identifier(Identifier.SERIAL, serial("M")))
              .pass()
              .runId();
      assertThat(writer.awaitDurable(first, WAIT)).isTrue();
      // The next station reads the device id first (new), then scans the known serial label.
      String second =
          new RunScript(writer, "1", 2)
              .identified(new Identifier(Identifier.DEVICE_ID, "dev-" + tag + "-M"))
              .step("identify", "identify")
              .identified(new Identifier(Identifier.SERIAL, serial("M")))
              .pass()
              .runId();
      assertThat(writer.awaitDurable(second, WAIT)).isTrue();
    }
    UnitTrace bySerial = store.trace(serial("M"));
    UnitTrace byDevice = store.trace("dev-" + tag + "-M");
    assertThat(byDevice.unitId()).isEqualTo(bySerial.unitId());
    assertThat(bySerial.runs()).extracting(UnitTrace.Run::retest).containsExactly(0, 1);
    assertThat(bySerial.identities()).hasSize(2);
  }

  @Test
  void anIdentifierAnotherUnitOwnsIsKeptAsADuplicateAndReported() throws Exception {
    String mac = "AA:" + tag;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      String a =
          new RunScript(writer, "1", 1)
              .identified(new Identifier(Identifier.SERIAL, serial("D1")))
              .pass()
              .runId();
      String b =
          new RunScript(writer, "2", 2)
              .identified(
                  new Identifier(Identifier.SERIAL, serial("D2")),
                  new Identifier(Identifier.BLE_MAC, mac))
              .pass()
              .runId();
      assertThat(writer.awaitDurable(a, WAIT)).isTrue();
      assertThat(writer.awaitDurable(b, WAIT)).isTrue();
      // Unit D1 is run again and reports D2's MAC: a cloned MAC, to be looked into.
      String again =
          new RunScript(writer, "1", 3)
              .identified(
                  new Identifier(Identifier.SERIAL, serial("D1")),
                  new Identifier(Identifier.BLE_MAC, mac))
              .pass()
              .runId();
      assertThat(writer.awaitDurable(again, WAIT)).isTrue();
    }
    UnitTrace d1 = store.trace(serial("D1"));
    assertThat(d1.identities())
        .filteredOn(id -> id.value().equals(mac))
        .singleElement()
        .satisfies(id -> assertThat(id.alsoCarriedByAnotherUnit()).isTrue());
    assertThat(d1.runs().get(1).attributes())
        .extracting(UnitTrace.Attribute::name)
        .containsExactly("identifier_conflict");
    assertThat(store.trace(serial("D2")).identities())
        .filteredOn(id -> id.value().equals(mac))
        .singleElement()
        .satisfies(id -> assertThat(id.alsoCarriedByAnotherUnit()).isTrue());
    assertThatThrownBy(() -> store.trace(mac)).isInstanceOf(AmbiguousIdentifierException.class);
  }

  /**
   * Holds the store's writes back (another transaction holds the tables the writer writes) until
   * closed, so that what is queued meanwhile is written as one batch.
   */
  abstract AutoCloseable holdWrites() throws Exception;

  @Test
  void runsResolvedInOneBatchFindRetestsMergesAndDuplicatesAsOneByOne() throws Exception {
    Identifier s1 = new Identifier(Identifier.SERIAL, serial("B1"));
    Identifier mac = new Identifier(Identifier.BLE_MAC, "BB:" + tag);
    Identifier deviceB = new Identifier(Identifier.DEVICE_ID, "dev-" + tag + "-B");
    Identifier deviceC = new Identifier(Identifier.DEVICE_ID, "dev-" + tag + "-C");
    List<String> sameUnit = new ArrayList<>();
    String other;
    try (RecordWriter writer = store.openWriter(station("batch"))) {
      String first;
      try (AutoCloseable held = holdWrites()) {
        // The writer takes this run alone and waits on the lock; the rest queue behind it.
        first =
            new RunScript(writer, "9", 9)
                .identified(new Identifier(Identifier.SERIAL, serial("B0")))
                .pass()
                .runId();
        Thread.sleep(200);
        // A new unit, then its retest, both in this batch.
        sameUnit.add(new RunScript(writer, "1", 1).identified(s1).pass().runId());
        sameUnit.add(new RunScript(writer, "2", 2).identified(deviceB, s1).pass().runId());
        // A run that made a new unit and then scans the known serial: merged into it.
        sameUnit.add(
            new RunScript(writer, "3", 3)
                .identified(deviceC)
                .step("identify", "identify")
                .identified(s1)
                .pass()
                .runId());
        // The merged unit's identifier now finds the unit it was merged into.
        sameUnit.add(new RunScript(writer, "4", 4).identified(deviceC).pass().runId());
        other =
            new RunScript(writer, "5", 5)
                .identified(new Identifier(Identifier.SERIAL, serial("B2")), mac)
                .pass()
                .runId();
        // A retest reporting the other unit's MAC: kept as a duplicate and reported.
        sameUnit.add(new RunScript(writer, "6", 6).identified(s1, mac).pass().runId());
      }
      assertThat(writer.awaitDurable(first, WAIT)).isTrue();
      for (String run : sameUnit) {
        assertThat(writer.awaitDurable(run, WAIT)).isTrue();
      }
      assertThat(writer.awaitDurable(other, WAIT)).isTrue();
    }
    UnitTrace unit = store.trace(s1.value());
    assertThat(unit.runs())
        .extracting(UnitTrace.Run::runId, UnitTrace.Run::retest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(sameUnit.get(0), 0),
            org.assertj.core.groups.Tuple.tuple(sameUnit.get(1), 1),
            org.assertj.core.groups.Tuple.tuple(sameUnit.get(2), 2),
            org.assertj.core.groups.Tuple.tuple(sameUnit.get(3), 3),
            org.assertj.core.groups.Tuple.tuple(sameUnit.get(4), 4));
    assertThat(store.trace(deviceB.value()).unitId()).isEqualTo(unit.unitId());
    assertThat(store.trace(deviceC.value()).unitId()).isEqualTo(unit.unitId());
    assertThat(unit.identities())
        .extracting(UnitTrace.Identity::value, UnitTrace.Identity::alsoCarriedByAnotherUnit)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(s1.value(), false),
            org.assertj.core.groups.Tuple.tuple(deviceB.value(), false),
            org.assertj.core.groups.Tuple.tuple(deviceC.value(), false),
            org.assertj.core.groups.Tuple.tuple(mac.value(), true));
    assertThat(unit.runs().get(4).attributes())
        .extracting(UnitTrace.Attribute::name)
        .containsExactly("identifier_conflict");
    UnitTrace second = store.trace(serial("B2"));
    assertThat(second.unitId()).isNotEqualTo(unit.unitId());
    assertThat(second.runs()).extracting(UnitTrace.Run::runId).containsExactly(other);
  }

  @Test
  void aRecordIsVisibleToAnotherStoreOnceDurable() throws Exception {
    try (RecordWriter writer = store.openWriter(station("final"));
        Store other = Store.open(url())) {
      RunScript run =
          new RunScript(writer, "1", 1)
              .identified(new Identifier(Identifier.SERIAL, serial("V")))
              .step("vbat", "measure", volts(3.3, true));
      assertThat(writer.awaitDurable(run.runId(), WAIT)).isTrue();
      UnitTrace open = other.trace(serial("V"));
      assertThat(open.runs()).singleElement().satisfies(r -> assertThat(r.outcome()).isNull());
      assertThat(open.runs().get(0).steps()).hasSize(1);

      run.pass();
      assertThat(writer.awaitDurable(run.runId(), WAIT)).isTrue();
      assertThat(other.trace(serial("V")).runs().get(0).outcome()).isEqualTo(Outcome.PASS);
    }
  }

  @Test
  void aRunThatCannotBeStoredIsReportedAndTheOthersAreKept() throws Exception {
    String orphan = RunScript.newRunId();
    // The writer logs the lost record as an error: kept here and checked, not printed.
    java.io.PrintStream console = System.err;
    java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8));
    try (RecordWriter writer = store.openWriter(station("final"))) {
      RunScript good =
          new RunScript(writer, "1", 1)
              .identified(new Identifier(Identifier.SERIAL, serial("OK")))
              .step("vbat", "measure", volts(3.3, true));
      // An event of a run that never started: its record cannot be made whole.
      writer.on(new Event.StepStarted(orphan, "2", "flash", "flash", 1, Instant.now()));
      good.pass();
      assertThatThrownBy(() -> writer.awaitDurable(orphan, WAIT))
          .isInstanceOf(RecordNotStoredException.class)
          .hasMessageContaining("run " + orphan)
          .hasMessageContaining("before the run started")
          .hasMessageContaining("run the unit again");
      assertThat(writer.awaitDurable(good.runId(), WAIT)).isTrue();
    } finally {
      System.setErr(console);
    }
    assertThat(logged.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("the record of run " + orphan + " could not be stored");
    assertThat(store.trace(serial("OK")).runs())
        .singleElement()
        .satisfies(run -> assertThat(run.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void awaitingARunWithNothingQueuedReturnsAtOnce() throws Exception {
    try (RecordWriter writer = store.openWriter(station("final"))) {
      assertThat(writer.awaitDurable(RunScript.newRunId(), Duration.ZERO)).isTrue();
    }
  }

  @Test
  void aClosedWriterRefusesEventsLoudly() {
    RecordWriter writer = store.openWriter(station("final"));
    writer.close();
    assertThatThrownBy(
            () ->
                writer.on(
                    new Event.RunStarted(
                        RunScript.newRunId(), "1", 1, "r", "1", "sha", "", Instant.now())))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed")
        .hasMessageContaining("Store.openWriter");
  }

  @Test
  void aRunNeverIdentifiedIsStillRecorded() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    String runId;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      runId =
          new RunScript(writer, "4", 7)
              .step("identify", "identify", 1, StepOutcome.ERROR, "no answer")
              .finish(Outcome.ERROR, "identify", "no answer")
              .runId();
      assertThat(writer.awaitDurable(runId, WAIT)).isTrue();
    }
    JsonNode runs = exportJson(since, ExportFormat.JSON);
    JsonNode run = find(runs, "run_id", runId);
    assertThat(run.get("unit_id").isNull()).isTrue();
    assertThat(run.get("unit").asText()).isEqualTo("unit 7");
    assertThat(run.get("outcome").asText()).isEqualTo("ERROR");
    assertThat(run.get("steps").get(0).get("message").asText()).isEqualTo("no answer");
  }

  @Test
  void manyRunsFromManyThreadsAreStoredOnceEach() throws Exception {
    int threads = 8;
    int runsPerThread = 25;
    int steps = 6;
    Set<String> runIds = ConcurrentHashMap.newKeySet();
    try (RecordWriter writer = store.openWriter(station("final"))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < runsPerThread; r++) {
                    String unit = "G" + thread + "-" + r;
                    RunScript run =
                        new RunScript(writer, Integer.toString(thread), r)
                            .identified(
                                new Identifier(Identifier.SERIAL, serial(unit)),
                                new Identifier(Identifier.IMEI, "imei-" + tag + unit));
                    for (int s = 0; s < steps; s++) {
                      run.step("step-" + s, "measure", volts(3.0 + s / 10.0, true));
                    }
                    run.pass();
                    runIds.add(run.runId());
                    assertThat(writer.awaitDurable(run.runId(), WAIT)).isTrue();
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();
    }
    assertThat(runIds).hasSize(threads * runsPerThread);
    for (int t = 0; t < threads; t++) {
      for (int r = 0; r < runsPerThread; r++) {
        UnitTrace trace = store.trace(serial("G" + t + "-" + r));
        assertThat(trace.runs())
            .singleElement()
            .satisfies(
                run -> {
                  assertThat(run.outcome()).isEqualTo(Outcome.PASS);
                  assertThat(run.steps()).hasSize(steps);
                  assertThat(run.steps())
                      .allSatisfy(step -> assertThat(step.measurements()).hasSize(1));
                });
        assertThat(runIds).contains(trace.runs().get(0).runId());
      }
    }
  }

  @Test
  void stationsSharingTheStoreMakeOneUnitPerNewIdentifier() throws Exception {
    int units = 40;
    try (Store second = Store.open(url());
        RecordWriter left = store.openWriter(station("left"));
        RecordWriter right = second.openWriter(station("right"))) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> done = new ArrayList<>();
      for (RecordWriter writer : List.of(left, right)) {
        done.add(
            pool.submit(
                () -> {
                  for (int u = 0; u < units; u++) {
                    String runId =
                        new RunScript(writer, "1", u)
                            .identified(
                                new Identifier(Identifier.SERIAL, serial("C" + u)),
                                new Identifier(Identifier.ICCID, "iccid-" + tag + "-C" + u))
                            .pass()
                            .runId();
                    assertThat(writer.awaitDurable(runId, WAIT)).isTrue();
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();
    }
    for (int u = 0; u < units; u++) {
      UnitTrace trace = store.trace(serial("C" + u));
      // Both stations' runs reached the one unit (a real unit is never on two stations at once,
      // so which run counts as the retest is a matter of timing here).
      assertThat(trace.runs()).hasSize(2);
      assertThat(store.trace("iccid-" + tag + "-C" + u).unitId()).isEqualTo(trace.unitId());
    }
  }

  @Test
  void closingOpenRunsAbortsOnlyThatStationsOpenRuns() throws Exception {
    StationInfo crashed = station("crashed");
    StationInfo other = station("other");
    String finished;
    String open;
    String otherOpen;
    try (RecordWriter writer = store.openWriter(crashed);
        RecordWriter otherWriter = store.openWriter(other)) {
      finished = completeRun(writer, "1", "F").runId();
      open =
          new RunScript(writer, "2", 2)
              .identified(new Identifier(Identifier.SERIAL, serial("O")))
              .step("identify", "identify")
              .started("flash", "flash", 1)
              .runId();
      otherOpen =
          new RunScript(otherWriter, "1", 1)
              .identified(new Identifier(Identifier.SERIAL, serial("X")))
              .runId();
      assertThat(writer.awaitDurable(finished, WAIT)).isTrue();
      assertThat(writer.awaitDurable(open, WAIT)).isTrue();
      assertThat(otherWriter.awaitDurable(otherOpen, WAIT)).isTrue();
    }

    List<AbortedRun> aborted = store.closeOpenRuns(crashed.stationId(), "power cut at 10:42");
    assertThat(aborted)
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.runId()).isEqualTo(open);
              assertThat(run.slot()).isEqualTo("2");
              assertThat(run.identifiers())
                  .containsExactly(new Identifier(Identifier.SERIAL, serial("O")));
              assertThat(run.recipe()).isEqualTo(RunScript.RECIPE);
              assertThat(run.started()).isNotNull();
            });
    assertThat(store.closeOpenRuns(crashed.stationId(), "again")).isEmpty();

    UnitTrace.Run abortedRun = store.trace(serial("O")).runs().get(0);
    assertThat(abortedRun.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(abortedRun.message()).isEqualTo("power cut at 10:42");
    assertThat(abortedRun.failedStep()).isEqualTo("flash");
    assertThat(abortedRun.ended()).isNotNull();
    assertThat(abortedRun.steps().get(1).outcome()).isNull();
    assertThat(store.trace(serial("F")).runs().get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(store.trace(serial("X")).runs().get(0).outcome()).isNull();

    // The aborted unit runs again, and that run counts as its retest.
    try (RecordWriter writer = store.openWriter(crashed)) {
      String rerun =
          new RunScript(writer, "2", 1)
              .identified(new Identifier(Identifier.SERIAL, serial("O")))
              .pass()
              .runId();
      assertThat(writer.awaitDurable(rerun, WAIT)).isTrue();
    }
    assertThat(store.trace(serial("O")).runs())
        .extracting(UnitTrace.Run::outcome, UnitTrace.Run::retest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Outcome.ABORTED, 0),
            org.assertj.core.groups.Tuple.tuple(Outcome.PASS, 1));
  }

  @Test
  void exportsAsCsv() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    String runId;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      runId = completeRun(writer, "1", "E, \"quoted\"").runId();
      assertThat(writer.awaitDurable(runId, WAIT)).isTrue();
    }
    StringWriter out = new StringWriter();
    store.export(since, ExportFormat.CSV, out);
    List<String> lines = List.of(out.toString().split("\r\n"));
    assertThat(lines.get(0))
        .isEqualTo(
            "run_id,unit_ids,station_id,slot,recipe,recipe_version,run_started,run_ended,"
                + "run_outcome,step_id,step_kind,attempt,step_outcome,measurement,value,units,"
                + "limits,passed");
    List<String> ours = lines.stream().filter(line -> line.startsWith(runId)).toList();
    // 7 step attempts, 2 with a measurement each: 7 rows.
    assertThat(ours).hasSize(7);
    assertThat(ours)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(",final-" + tag + ",1," + RunScript.RECIPE + ",")
                    .contains(",vbat,measure,1,FAIL,vbat,2.91,V,range 3.0..3.6,false"));
    assertThat(ours.get(0))
        .contains(",\"association_id=assoc-" + tag + "-E, \"\"quoted\"\";")
        .contains(";serial=SN-" + tag + "-E, \"\"quoted\"\"\",final-");
    assertThat(ours).anySatisfy(line -> assertThat(line).endsWith(",wifi,wifi,0,SKIPPED,,,,,"));
  }

  @Test
  void exportsAsJson() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    String runId;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      runId = completeRun(writer, "1", "J").runId();
      assertThat(writer.awaitDurable(runId, WAIT)).isTrue();
    }
    JsonNode run = find(exportJson(since, ExportFormat.JSON), "run_id", runId);
    assertThat(run.get("unit").asText()).isEqualTo(serial("J"));
    assertThat(run.get("identifiers")).hasSize(6);
    assertThat(run.get("station_id").asText()).isEqualTo("final-" + tag);
    assertThat(run.get("recipe").get("sha256").asText()).isEqualTo(RunScript.RECIPE_SHA);
    assertThat(run.get("outcome").asText()).isEqualTo("PASS");
    JsonNode steps = run.get("steps");
    assertThat(steps).hasSize(7);
    JsonNode vbat = steps.get(3);
    assertThat(vbat.get("step_id").asText()).isEqualTo("vbat");
    assertThat(vbat.get("attempt").asInt()).isEqualTo(1);
    assertThat(vbat.get("outcome").asText()).isEqualTo("FAIL");
    JsonNode measurement = vbat.get("measurements").get(0);
    assertThat(measurement.get("value").asDouble()).isEqualTo(2.91);
    assertThat(measurement.get("units").asText()).isEqualTo("V");
    assertThat(measurement.get("limits").get(0).asText()).isEqualTo("range 3.0..3.6");
    assertThat(measurement.get("passed").asBoolean()).isFalse();

    // Nothing ended after now.
    assertThat(exportJson(Instant.now().plusSeconds(60), ExportFormat.JSON)).isEmpty();
  }

  @Test
  void exportsAsOpenHtfTestRecords() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    String runId;
    String failing;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      runId = completeRun(writer, "1", "H").runId();
      failing =
          new RunScript(writer, "2", 2)
              .identified(new Identifier(Identifier.SERIAL, serial("H2")))
              .step("vbat", "measure", 1, StepOutcome.FAIL, "low", volts(2.2, false))
              .finish(Outcome.FAIL, "vbat", "low")
              .runId();
      assertThat(writer.awaitDurable(runId, WAIT)).isTrue();
      assertThat(writer.awaitDurable(failing, WAIT)).isTrue();
    }
    JsonNode records = exportOpenHtfFiles(since);
    JsonNode record = findByMetadata(records, runId);
    assertThat(record.get("dut_id").asText()).isEqualTo(serial("H"));
    assertThat(record.get("station_id").asText()).isEqualTo("final-" + tag);
    assertThat(record.get("outcome").asText()).isEqualTo("PASS");
    assertThat(record.get("end_time_millis").asLong())
        .isGreaterThan(record.get("start_time_millis").asLong());
    assertThat(record.get("metadata").get("test_name").asText()).isEqualTo(RunScript.RECIPE);
    assertThat(record.get("metadata").get("recipe_version").asText())
        .isEqualTo(RunScript.RECIPE_VERSION);
    assertThat(record.get("log_records").isArray()).isTrue();
    JsonNode phases = record.get("phases");
    assertThat(phases).hasSize(7);
    JsonNode vbat = phases.get(4);
    assertThat(vbat.get("name").asText()).isEqualTo("vbat");
    assertThat(vbat.get("outcome").asText()).isEqualTo("PASS");
    assertThat(vbat.get("result").get("phase_result").asText()).isEqualTo("CONTINUE");
    assertThat(vbat.get("attachments").isObject()).isTrue();
    JsonNode measurement = vbat.get("measurements").get("vbat");
    assertThat(measurement.get("name").asText()).isEqualTo("vbat");
    assertThat(measurement.get("outcome").asText()).isEqualTo("PASS");
    assertThat(measurement.get("measured_value").asDouble()).isEqualTo(3.3);
    assertThat(measurement.get("units").get("code").asText()).isEqualTo("VLT");
    assertThat(measurement.get("units").get("suffix").asText()).isEqualTo("V");
    // A limit in no shape the recipe language writes is kept as written.
    assertThat(measurement.get("validators").get(0).asText()).isEqualTo("range 3.0..3.6");
    assertThat(phases.get(6).get("outcome").asText()).isEqualTo("SKIP");
    JsonNode failed = findByMetadata(records, failing);
    assertThat(failed.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(failed.get("outcome_details").get(0).get("code").asText()).isEqualTo("vbat");

    // The stream holds the same records, one a line.
    StringWriter lines = new StringWriter();
    store.export(since, ExportFormat.OPENHTF_JSONL, lines);
    List<String> streamed = lines.toString().lines().toList();
    assertThat(streamed).hasSize(records.size());
    for (String line : streamed) {
      JsonNode streamedRecord = new ObjectMapper().readTree(line);
      String id = streamedRecord.get("metadata").get("run_id").asText();
      assertThat(streamedRecord).isEqualTo(findByMetadata(records, id));
    }
  }

  @Test
  void reopeningAMigratedStoreChangesNothing() throws Exception {
    String runId;
    try (RecordWriter writer = store.openWriter(station("final"))) {
      runId = completeRun(writer, "1", "N").runId();
      assertThat(writer.awaitDurable(runId, WAIT)).isTrue();
    }
    String history = "SELECT COUNT(*) FROM shipready_schema_history";
    long migrations = Sql.count(url(), history);
    store.close();
    store = Store.open(url());
    assertThat(Sql.count(url(), history)).isEqualTo(migrations);
    assertThat(store.trace(serial("N")).runs().get(0).runId()).isEqualTo(runId);
    assertThat(store.checkIntegrity()).isEqualTo("ok");
  }

  @Test
  void aBatchOfManyStepsReadsBackExactlyWhateverItsTextHolds() throws Exception {
    // Backslashes, COPY's null marker as text, quotes, non-ASCII and empty values, in one batch
    // large enough for PostgreSQL to take its step rows through COPY.
    List<String> awkward = List.of("C:\\fw\\new", "\\N", "it's \"fine\"", "Ü€ 温度", "", "a\\tb");
    int steps = 100;
    String runId;
    try (RecordWriter writer = store.openWriter(station("copy"))) {
      RunScript run;
      try (AutoCloseable held = holdWrites()) {
        run = new RunScript(writer, "1", 1);
        Thread.sleep(200);
        run.identified(new Identifier(Identifier.SERIAL, serial("T")));
        for (int i = 0; i < steps; i++) {
          String text = awkward.get(i % awkward.size());
          run.started("s" + i + text, "measure", 1)
              .measured(
                  "s" + i + text,
                  new io.shipready.core.model.Measurement(
                      "m" + i + text,
                      i % 2 == 0 ? text : (Object) (i / 4.0),
                      text,
                      List.of(text),
                      true,
                      text))
              .finished("s" + i + text, "measure", 1, StepOutcome.PASS, text);
        }
      }
      runId = run.pass().runId();
      assertThat(writer.awaitDurable(runId, WAIT)).isTrue();
    }
    List<UnitTrace.StepAttempt> stored = store.trace(serial("T")).runs().get(0).steps();
    assertThat(stored).hasSize(steps);
    for (int i = 0; i < steps; i++) {
      String text = awkward.get(i % awkward.size());
      UnitTrace.StepAttempt step = stored.get(i);
      assertThat(step.stepId()).isEqualTo("s" + i + text);
      assertThat(step.message()).isEqualTo(text);
      UnitTrace.MeasurementValue m = step.measurements().get(0);
      assertThat(m.name()).isEqualTo("m" + i + text);
      assertThat(m.value()).isEqualTo(i % 2 == 0 ? text : String.valueOf(i / 4.0));
      assertThat(m.units()).isEqualTo(text);
      assertThat(m.limits()).containsExactly(text);
      assertThat(m.message()).isEqualTo(text);
    }
  }

  @Test
  void everyRunThatWasDurableSurvivesTheProcessBeingKilled() throws Exception {
    String stationId = "crash-" + tag;
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(),
                url(),
                stationId,
                tag)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<String, String> durable = new java.util.LinkedHashMap<>();
    try (var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while (durable.size() < 30 && (line = lines.readLine()) != null) {
        String[] words = line.split(" ");
        if (words.length == 3 && words[0].equals("DURABLE")) {
          durable.put(words[1], words[2]);
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(durable).hasSize(30);

    store.close();
    store = Store.open(url());
    assertThat(store.checkIntegrity()).isEqualTo("ok");
    durable.forEach(
        (runId, serial) -> {
          UnitTrace.Run run = store.trace(serial).runs().get(0);
          assertThat(run.runId()).isEqualTo(runId);
          assertThat(run.outcome()).isEqualTo(Outcome.PASS);
          assertThat(run.steps()).hasSize(10);
          assertThat(run.steps()).allSatisfy(step -> assertThat(step.measurements()).hasSize(1));
        });
    List<AbortedRun> aborted = store.closeOpenRuns(stationId, "station killed");
    assertThat(aborted).extracting(AbortedRun::runId).doesNotContainAnyElementsOf(durable.keySet());
  }

  @Test
  void everyUploadAttemptIsKeptAndCountedEvenTwoOfOneFileAtOneInstant() {
    UploadReceipts receipts = store.uploadReceipts();
    UploadTally before = receipts.tally();
    String file = "01_PC_" + tag + "_20261201+0800.afero";
    String destination = "sftp://factory@example.com:22/incoming";
    Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    receipts.record(file, destination, "ab12", 13, UploadReceipts.SENT, "/incoming/" + file, at);
    // Two more files of the same name in the run, refused at the same instant: neither is lost.
    receipts.record(file, destination, "", -1, UploadReceipts.REFUSED, "same name (a)", at);
    receipts.record(file, destination, "", -1, UploadReceipts.REFUSED, "same name (b)", at);
    receipts.record(file, destination, "", -1, UploadReceipts.FAILED, "server full", at);

    UploadTally after = receipts.tally();
    assertThat(after.attempts(UploadReceipts.SENT) - before.attempts(UploadReceipts.SENT))
        .isEqualTo(1);
    assertThat(after.attempts(UploadReceipts.REFUSED) - before.attempts(UploadReceipts.REFUSED))
        .isEqualTo(2);
    assertThat(after.attempts(UploadReceipts.FAILED) - before.attempts(UploadReceipts.FAILED))
        .isEqualTo(1);
    assertThat(after.lastSent()).hasValueSatisfying(last -> assertThat(last).isAfterOrEqualTo(at));
    assertThat(receipts.alreadySent(file, destination, "ab12")).isTrue();
  }

  @Test
  void describesItselfWithoutAPassword() {
    assertThat(store.describe()).doesNotContain("password=").isNotBlank();
  }

  /** The OpenHTF records exported as files, read back as one array. */
  JsonNode exportOpenHtfFiles(Instant since) throws Exception {
    Path folder = Files.createTempDirectory("openhtf");
    try {
      int written = store.exportFiles(since, ExportFormat.OPENHTF, folder);
      ArrayNode records = new ObjectMapper().createArrayNode();
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          assertThat(file.getFileName().toString()).endsWith(".json");
          records.add(new ObjectMapper().readTree(file.toFile()));
        }
      }
      assertThat(records).hasSize(written);
      return records;
    } finally {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(folder);
    }
  }

  JsonNode exportJson(Instant since, ExportFormat format) throws Exception {
    StringWriter out = new StringWriter();
    store.export(since, format, out);
    JsonNode array = new ObjectMapper().readTree(out.toString());
    assertThat(array.isArray()).isTrue();
    return array;
  }

  static JsonNode find(JsonNode array, String field, String value) {
    List<JsonNode> found =
        StreamSupport.stream(array.spliterator(), false)
            .filter(node -> value.equals(node.path(field).asText()))
            .collect(Collectors.toList());
    assertThat(found).as("%s = %s in the export", field, value).hasSize(1);
    return found.get(0);
  }

  static JsonNode findByMetadata(JsonNode array, String runId) {
    List<JsonNode> found =
        StreamSupport.stream(array.spliterator(), false)
            .filter(node -> runId.equals(node.path("metadata").path("run_id").asText()))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
