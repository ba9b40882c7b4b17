package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.device.sim.Fault;
import io.shipready.store.RouteEvent;
import io.shipready.store.Store;
import io.shipready.store.TraceText;
import io.shipready.store.UnitTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route gates of the bundled lines: per vendor line, a unit that skipped a station, failed one
 * or was scrapped is refused at the next station and at packing, naming what is missing, and an
 * engineer's override is recorded and lets it in. Stations share one SQLite file, or one PostgreSQL
 * database when a URL is given (-Dshipready.test.postgres.url; skipped with the reason otherwise).
 */
class RouteGateTest {
  @TempDir Path dir;

  private String sqlite() {
    return "jdbc:sqlite:" + dir.resolve("line.db");
  }

  /** A fresh schema in the test PostgreSQL database, or null (and the test skipped) without one. */
  static String postgres() throws Exception {
    String base =
        System.getProperty(
            "shipready.test.postgres.url", System.getenv("SHIPREADY_TEST_POSTGRES_URL"));
    assumeTrue(
        base != null && !base.isBlank(),
        "skipped: no PostgreSQL URL (-Dshipready.test.postgres.url) to share between stations");
    String schema = "route_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static CommandLineRun unit(String db, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "unit";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--db";
    all[args.length + 2] = db;
    CommandLineRun run = CommandLineRun.of(all);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  private static void assertRefused(RunResult run, String... saying) {
    assertThat(run.outcome()).as(run.message()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("route");
    assertThat(run.message()).contains(saying);
    // Refused before its first step that is not identification: nothing was done to the unit
    // (the fixture powered it for the scan, and switched it off again).
    assertThat(run.steps())
        .filteredOn(s -> s.outcome() != io.shipready.core.model.StepOutcome.SKIPPED)
        .allSatisfy(
            s -> assertThat(s.kind()).isIn("scan", "identify", "device_details", "fixture_power"));
  }

  @Test
  void aferoSqlite() throws Exception {
    afero(new FloorLine("afero-asr", dir, sqlite()));
  }

  @Test
  void aferoPostgres() throws Exception {
    afero(new FloorLine("afero-asr", dir, postgres()));
  }

  @Test
  void azureSphereSqlite() throws Exception {
    azureSphere(new FloorLine("azure-sphere", dir, sqlite()));
  }

  @Test
  void azureSpherePostgres() throws Exception {
    azureSphere(new FloorLine("azure-sphere", dir, postgres()));
  }

  @Test
  void particleSqlite() throws Exception {
    particle(new FloorLine("particle-cellular", dir, sqlite()));
  }

  @Test
  void particlePostgres() throws Exception {
    particle(new FloorLine("particle-cellular", dir, postgres()));
  }

  /**
   * Packing is the line's last gate: each unit scanned is refused with its reason (any one of them
   * ships only when its last run at every station passed), and nothing is packed.
   */
  private void refusedAtPacking(FloorLine line, String lineName, Map<Integer, String> reasons)
      throws Exception {
    Map<Integer, String> ids = new java.util.TreeMap<>();
    for (int n : reasons.keySet()) {
      ids.put(n, line.deviceId(n));
    }
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "pack",
                "--line",
                lineName,
                "--db",
                line.db,
                "--by",
                "packer",
                "--out",
                dir.resolve("shipments-" + lineName).toString()));
    ids.values().forEach(id -> args.addAll(List.of("--unit", id)));
    CommandLineRun packed = CommandLineRun.of(args.toArray(String[]::new));
    assertThat(packed.exitCode()).as(packed.out() + packed.err()).isEqualTo(1);
    assertThat(packed.out()).contains("Nothing packed for line " + lineName);
    reasons.forEach(
        (n, reason) ->
            assertThat(packed.out())
                .as("unit %d at packing", n)
                .containsPattern(
                    "REFUSED "
                        + java.util.regex.Pattern.quote(ids.get(n))
                        + ": [^\\n]*"
                        + java.util.regex.Pattern.quote(reason)));
  }

  private void afero(FloorLine line) throws Exception {
    line.handle(2, unit -> unit.inject(new Fault.FlashFailure("*")));
    Map<Integer, RunResult> programming = line.station("programming", 1, 2, 3);
    assertThat(programming.get(1).outcome()).isEqualTo(Outcome.PASS);
    assertThat(programming.get(2).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(programming.get(3).outcome()).isEqualTo(Outcome.PASS);

    // Unit 2 failed programming; unit 3 goes past the product label station.
    Map<Integer, RunResult> label = line.station("product-label", 1, 2);
    assertThat(label.get(1).outcome()).as(label.get(1).message()).isEqualTo(Outcome.PASS);
    assertRefused(label.get(2), "has not passed programming", "(last run there FAIL at flash_");
    Map<Integer, RunResult> ble = line.station("rssi-ble", 1, 3);
    assertThat(ble.get(1).outcome()).as(ble.get(1).message()).isEqualTo(Outcome.PASS);
    assertRefused(
        ble.get(3),
        "has not passed product-label (never run there)",
        "shipready unit override " + line.deviceId(3) + " --station rssi-ble");

    // An engineer lets unit 3 in; the override is recorded with who, when and why.
    unit(
        line.db,
        "override",
        line.deviceId(3),
        "--station",
        "rssi-ble",
        "--reason",
        "label printed by hand, checked",
        "--by",
        "eng-anna");
    assertThat(line.station("rssi-ble", 3).get(3).outcome()).isEqualTo(Outcome.PASS);
    assertThat(unit(line.db, "route", line.deviceId(3)).out())
        .contains(
            "on line afero-asr",
            "programming: 1 run [PASS]; passed",
            "product-label: 0 runs []; may enter",
            "rssi-ble: 2 runs [FAIL, PASS], retests allowed 2; passed",
            "OVERRIDE rssi-ble by eng-anna: label printed by hand, checked");

    // Unit 1 is scrapped: the next station refuses it, its labels are VOID.
    unit(line.db, "scrap", line.deviceId(1), "--reason", "dropped", "--by", "eng-anna");
    assertRefused(line.station("rssi-wifi", 1).get(1), "was scrapped", "dropped");

    try (Store store = Store.open(line.db)) {
      UnitTrace three = store.trace(line.deviceId(3));
      assertThat(three.route())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(RouteEvent.Kind.OVERRIDE);
                assertThat(e.station()).isEqualTo("rssi-ble");
                assertThat(e.user()).isEqualTo("eng-anna");
                assertThat(e.reason()).isEqualTo("label printed by hand, checked");
              });
      assertThat(TraceText.render(three)).contains("OVERRIDE rssi-ble by eng-anna");
      UnitTrace one = store.trace(line.deviceId(1));
      // Retests count per station: unit 1's first run at each station is no retest.
      assertThat(one.runs()).extracting(UnitTrace.Run::retest).containsOnly(0);
      assertThat(one.labels()).isNotEmpty().allSatisfy(l -> assertThat(l.voided()).isNotEmpty());
      assertThat(TraceText.render(one)).contains("VOID (scrap by eng-anna: dropped)");
    }
    refusedAtPacking(
        line,
        "afero-asr",
        Map.of(
            1, "was scrapped",
            2, "has not passed programming",
            3, "rssi-wifi (never run there)"));
  }

  private void azureSphere(FloorLine line) throws Exception {
    line.handle(2, unit -> unit.inject(new Fault.Unplugged("recover")));
    Map<Integer, RunResult> recovery = line.station("recovery", 1, 2, 3);
    assertThat(recovery.get(2).outcome()).isEqualTo(Outcome.ERROR);
    Map<Integer, RunResult> programming = line.station("programming", 1, 2);
    assertThat(programming.get(1).outcome())
        .as(programming.get(1).message())
        .isEqualTo(Outcome.PASS);
    assertRefused(programming.get(2), "has not passed recovery", "ERROR at recover_os");

    // Unit 3 skipped programming: the ship audit refuses it rather than failing it.
    Map<Integer, RunResult> audit = line.station("ship-audit", 1, 3);
    assertThat(audit.get(1).outcome()).as(audit.get(1).message()).isEqualTo(Outcome.PASS);
    assertRefused(audit.get(3), "has not passed programming (never run there)");
    // Unit 2 was refused at programming for want of recovery: the audit names that root cause
    // once, with recovery's own failure, and one override hint, not programming's refusal text.
    RunResult rootCause = line.station("ship-audit", 2).get(2);
    assertRefused(
        rootCause,
        "has not passed programming (refused there by the route: it had not passed recovery,"
            + " last run there ERROR at recover_os: ",
        "--station ship-audit");
    assertThat(rootCause.message())
        .containsOnlyOnce("has not passed")
        .containsOnlyOnce("shipready unit override");

    unit(
        line.db,
        "override",
        line.deviceId(2),
        "--station",
        "programming",
        "--reason",
        "recovered by hand with azsphere",
        "--by",
        "eng-ben");
    line.handle(2, unit -> unit.clearFaults());
    // Let in: its run is its own (here it fails on the OS its recovery never finished).
    RunResult letIn = line.station("programming", 2).get(2);
    assertThat(letIn.failedStep()).as(letIn.message()).isNotEqualTo("route");

    unit(line.db, "scrap", line.deviceId(1), "--reason", "housing cracked", "--by", "eng-ben");
    assertRefused(line.station("ship-audit", 1).get(1), "was scrapped", "housing cracked");
    try (Store store = Store.open(line.db)) {
      assertThat(store.trace(line.deviceId(2)).route())
          .extracting(RouteEvent::kind, RouteEvent::user)
          .containsExactly(
              org.assertj.core.api.Assertions.tuple(RouteEvent.Kind.OVERRIDE, "eng-ben"));
    }
    refusedAtPacking(
        line,
        "azure-sphere",
        Map.of(
            1, "was scrapped",
            2, "ship-audit",
            3, "has not passed programming"));
  }

  private void particle(FloorLine line) throws Exception {
    // Unit 1 fails programming more often than the station's retests (2) allow.
    line.handle(1, unit -> unit.inject(new Fault.FlashFailure("*")));
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(line.station("programming", 1).get(1).outcome()).isEqualTo(Outcome.FAIL);
    }
    assertRefused(
        line.station("programming", 1).get(1),
        "failed 3 times at programming, more than its retests (2) allow",
        "sent to rework");
    assertRefused(line.station("programming", 1).get(1), "is in rework", "flash_");

    // Unit 2 passes and is queued for provisioning; then it is scrapped.
    assertThat(line.station("programming", 2).get(2).outcome()).isEqualTo(Outcome.PASS);
    Path files = line.work().resolve("files");
    CommandLineRun scrapped =
        unit(
            line.db,
            "scrap",
            line.deviceId(2),
            "--reason",
            "antenna connector torn off",
            "--by",
            "eng-cem",
            "--files",
            files.toString());
    assertThat(scrapped.out()).contains("withdrawn from the provisioning queue");
    assertRefused(line.station("programming", 2).get(2), "was scrapped");
    List<Path> withdrawn;
    try (Stream<Path> listing = Files.list(files)) {
      withdrawn = listing.filter(p -> p.toString().endsWith(".csv.withdrawn")).toList();
    }
    assertThat(withdrawn).singleElement();
    assertThat(Files.readString(withdrawn.get(0))).contains(line.deviceId(2));
    try (Store store = Store.open(line.db)) {
      UnitTrace one = store.trace(line.deviceId(1));
      assertThat(one.runs()).extracting(UnitTrace.Run::retest).containsExactly(0, 1, 2, 3, 4);
      assertThat(one.route()).extracting(RouteEvent::kind).containsExactly(RouteEvent.Kind.REWORK);
    }
    refusedAtPacking(line, "particle-cellular", Map.of(1, "is in rework", 2, "was scrapped"));
  }
}
