package io.shipready.backoffice.provisioning.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.backoffice.provisioning.ApiServer;
import io.shipready.backoffice.provisioning.AppliedOperation;
import io.shipready.backoffice.provisioning.auth.IssuedToken;
import io.shipready.backoffice.provisioning.auth.Scope;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provisioning client against the real API over loopback HTTP. */
class ProvisionerTest {
  @TempDir Path dir;

  static Path csv(Path dir, int units) throws Exception {
    return csv(dir, units, "e00fce68");
  }

  /** {@code units} units whose device ids start with {@code prefix} (8 hex digits). */
  static Path csv(Path dir, int units, String prefix) throws Exception {
    boolean first = prefix.equals("e00fce68");
    String serials = first ? "WDG-" : "WDG-" + prefix + "-";
    List<String> lines = new ArrayList<>();
    lines.add("device_id,serial,iccid");
    for (int i = 0; i < units; i++) {
      lines.add(
          String.format(Locale.ROOT, "%s%016x,%s%05d,8901410321%08d", prefix, i, serials, i, i));
    }
    Path file = dir.resolve(first ? "units.csv" : prefix + ".csv");
    Files.write(file, lines);
    return file;
  }

  static ProvisionPlan plan(ApiServer server, String group, int concurrency) {
    return new ProvisionPlan(server.uri(), "widget-v1", group, true, true, true, concurrency, 4);
  }

  @Test
  void provisionsEveryUnitThenARunAgainRepeatsNothing() throws Exception {
    try (ApiServer server = ApiServer.start(dir, RateLimit.parse("10000/5m"))) {
      IssuedToken token = server.token("widget-v1");
      Path csv = csv(dir, 40);
      List<UnitRow> units = UnitCsv.read(csv, true, true);
      ProvisionReport first;
      try (Journal journal = Journal.open(dir.resolve("units.csv.journal"))) {
        first =
            new Provisioner(plan(server, "20261201_test", 8), token.secret(), journal)
                .run(units, u -> {});
      }
      assertThat(first.clean()).as(first.table()).isTrue();
      assertThat(first.units()).allSatisfy(u -> assertThat(u.done()).hasSize(5));
      // 40 units x 5 operations, and the group looked up and created.
      assertThat(first.requests()).isEqualTo(40 * 5 + 2);

      ProvisionReport again;
      try (Journal journal = Journal.open(dir.resolve("units.csv.journal"))) {
        again =
            new Provisioner(plan(server, "20261201_test", 8), token.secret(), journal)
                .run(units, u -> {});
      }
      assertThat(again.clean()).isTrue();
      assertThat(again.requests()).as("the journal skips everything").isZero();
      assertThat(again.units()).allSatisfy(u -> assertThat(u.skipped()).hasSize(5));

      List<AppliedOperation> applied = server.feature().appliedOperations();
      assertThat(applied).hasSize(40 * 5 + 1);
      assertThat(applied).allSatisfy(op -> assertThat(op.repeats()).isZero());
    }
  }

  @Test
  void staysWithinATightLimitWithoutFailing() throws Exception {
    // 50 requests per second for 150 requests: the client has to wait for two window ends.
    try (ApiServer server = ApiServer.start(dir, RateLimit.parse("50/1s"))) {
      IssuedToken token = server.token("widget-v1");
      List<UnitRow> units = UnitCsv.read(csv(dir, 50), true, false);
      ProvisionPlan plan =
          new ProvisionPlan(server.uri(), "widget-v1", null, true, true, false, 16, 4);
      ProvisionReport report;
      try (Journal journal = Journal.open(dir.resolve("j"))) {
        report = new Provisioner(plan, token.secret(), journal).run(units, u -> {});
      }
      assertThat(report.clean()).as(report.table()).isTrue();
      Map<String, Integer> perKind = new HashMap<>();
      server.feature().appliedOperations().forEach(op -> perKind.merge(op.kind(), 1, Integer::sum));
      assertThat(perKind)
          .containsEntry("import", 50)
          .containsEntry("rename", 50)
          .containsEntry("claim", 50);
    }
  }

  @Test
  void findsTheInFlightLimitThatFillsTheQuota() throws Exception {
    // 40 requests per second at 250 ms each: about 10 must be in flight, more than the client
    // starts with. 80 units x 3 requests is some 6 seconds at the limit. A low rate, so that the
    // server keeps up on a busy machine and the limit, not the machine, is what is measured.
    try (ApiServer server =
        ApiServer.start(dir, RateLimit.parse("40/1s"), Duration.ofMillis(250))) {
      ProvisionPlan plan =
          new ProvisionPlan(
              server.uri(), "widget-v1", null, true, true, false, ProvisionPlan.FOUND, 4);
      // A few units first, with a token of their own, so that the server's and the client's
      // first requests (class loading, the database's first writes) are not in the measure.
      try (Journal journal = Journal.open(dir.resolve("warm-up"))) {
        new Provisioner(plan, server.token("widget-v1").secret(), journal)
            .run(UnitCsv.read(csv(dir, 10, "e00f0000"), true, false), u -> {});
      }
      IssuedToken token = server.token("widget-v1");
      List<UnitRow> units = UnitCsv.read(csv(dir, 80), true, false);
      ProvisionReport report;
      try (Journal journal = Journal.open(dir.resolve("j"))) {
        report = new Provisioner(plan, token.secret(), journal).run(units, u -> {});
      }
      assertThat(report.clean()).as(report.table()).isTrue();
      assertThat(report.inFlight().found()).isTrue();
      assertThat(report.inFlight().highest())
          .as(report.summary())
          .isGreaterThan(InFlightLimit.START);
      double accepted = report.requests() - report.throttled();
      double perSecond = accepted / (report.elapsed().toNanos() / 1e9);
      assertThat(perSecond / 40).as(report.summary()).isGreaterThanOrEqualTo(0.8);
    }
  }

  @Test
  void backsOffOn429sWithoutFailing() throws Exception {
    // Two clients on one token: neither sees the other's requests in flight, so near each
    // window's end both spend the same last requests and the server refuses some with 429.
    try (ApiServer server =
        ApiServer.start(dir, RateLimit.parse("100/1s"), Duration.ofMillis(10))) {
      IssuedToken token = server.token("widget-v1");
      List<UnitRow> all = UnitCsv.read(csv(dir, 120), true, false);
      List<List<UnitRow>> halves = List.of(all.subList(0, 60), all.subList(60, 120));
      ProvisionPlan plan =
          new ProvisionPlan(
              server.uri(), "widget-v1", null, true, true, false, ProvisionPlan.FOUND, 4);
      List<ProvisionReport> reports = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        List<UnitRow> half = halves.get(i);
        Path journalFile = dir.resolve("j" + i);
        Thread client =
            new Thread(
                () -> {
                  try (Journal journal = Journal.open(journalFile)) {
                    reports.add(new Provisioner(plan, token.secret(), journal).run(half, u -> {}));
                  } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                  }
                });
        client.start();
        clients.add(client);
      }
      for (Thread client : clients) {
        client.join();
      }
      assertThat(reports).hasSize(2);
      long throttled = reports.stream().mapToLong(ProvisionReport::throttled).sum();
      long requests = reports.stream().mapToLong(ProvisionReport::requests).sum();
      for (ProvisionReport report : reports) {
        assertThat(report.clean()).as(report.table()).isTrue();
      }
      assertThat(throttled).as("requests refused with 429").isPositive();
      // Each 429 pauses the client until the reset: refusals stay a small part of the requests.
      assertThat(throttled).isLessThan((requests - throttled) / 4);
      Map<String, Integer> perKind = new HashMap<>();
      server.feature().appliedOperations().forEach(op -> perKind.merge(op.kind(), 1, Integer::sum));
      assertThat(perKind)
          .containsEntry("import", 120)
          .containsEntry("rename", 120)
          .containsEntry("claim", 120);
    }
  }

  @Test
  void aTokenWithoutAScopeStopsTheRunAndReportsEveryUnit() throws Exception {
    try (ApiServer server = ApiServer.start(dir, RateLimit.parse("10000/5m"))) {
      IssuedToken token = server.token("widget-v1", Scope.DEVICES_IMPORT, Scope.DEVICES_UPDATE);
      List<UnitRow> units = UnitCsv.read(csv(dir, 10), true, false);
      ProvisionPlan plan =
          new ProvisionPlan(server.uri(), "widget-v1", null, true, true, false, 1, 4);
      ProvisionReport report;
      try (Journal journal = Journal.open(dir.resolve("j"))) {
        report = new Provisioner(plan, token.secret(), journal).run(units, u -> {});
      }
      assertThat(report.clean()).isFalse();
      assertThat(report.stoppedBecause()).contains("devices:claim");
      assertThat(report.units()).hasSize(10);
      assertThat(report.count(UnitResult.State.DONE)).isZero();
      assertThat(report.table()).contains("claim refused");
    }
  }

  @Test
  void aBadTokenStopsTheRun() throws Exception {
    try (ApiServer server = ApiServer.start(dir, RateLimit.parse("10000/5m"))) {
      List<UnitRow> units = UnitCsv.read(csv(dir, 5), false, false);
      ProvisionPlan plan =
          new ProvisionPlan(server.uri(), "widget-v1", null, false, false, false, 2, 4);
      ProvisionReport report;
      try (Journal journal = Journal.open(dir.resolve("j"))) {
        report = new Provisioner(plan, "srt_nope", journal).run(units, u -> {});
      }
      assertThat(report.stoppedBecause()).contains("refused the token");
      assertThat(report.count(UnitResult.State.DONE)).isZero();
    }
  }

  @Test
  void aBadRowIsRefusedNamingItsLineAndColumn() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "device_id,serial\ne00fce680000000000000001,A1\ne00fce68zz,A2\n");
    assertThatThrownBy(() -> UnitCsv.read(file, true, false))
        .isInstanceOf(ProvisionInputException.class)
        .hasMessageContaining("line 3, column device_id")
        .hasMessageContaining("24 hexadecimal");
    Files.writeString(
        file, "device_id,serial\ne00fce680000000000000001,A1\ne00fce680000000000000001,A2\n");
    assertThatThrownBy(() -> UnitCsv.read(file, false, false))
        .hasMessageContaining("line 3")
        .hasMessageContaining("line 2");
    Files.writeString(file, "device_id\ne00fce680000000000000001\n");
    assertThatThrownBy(() -> UnitCsv.read(file, true, false))
        .hasMessageContaining("line 1: no column 'serial'");
    Files.writeString(file, "device_id,serial,iccid\ne00fce680000000000000001,A1,\n");
    assertThatThrownBy(() -> UnitCsv.read(file, true, true))
        .hasMessageContaining("line 2, column iccid: empty");
  }

  @Test
  void theJournalDropsALineCutShortByACrash() throws Exception {
    Path file = dir.resolve("j");
    try (Journal journal = Journal.open(file)) {
      journal.record("p", "import", "a", "");
    }
    Files.writeString(file, "p\timport\tb", java.nio.file.StandardOpenOption.APPEND);
    try (Journal journal = Journal.open(file)) {
      assertThat(journal.isDone("p", "import", "a", "")).isTrue();
      assertThat(journal.isDone("p", "import", "b", "")).isFalse();
      journal.record("p", "import", "c", "");
    }
    assertThat(Files.readString(file)).isEqualTo("p\timport\ta\t\np\timport\tc\t\n");
  }

  @Test
  void anAutoGroupIsNamedOnceAndKeptInTheJournal() throws Exception {
    Path csv = csv(dir, 3);
    try (Journal journal = Journal.open(dir.resolve("j"))) {
      String first = GroupNames.resolve("auto", "p", csv, journal, LocalDate.of(2026, 12, 1));
      assertThat(first).matches("20261201_[0-9a-f]{4}");
      assertThat(GroupNames.resolve("auto", "p", csv, journal, LocalDate.of(2026, 12, 2)))
          .isEqualTo(first);
      assertThat(GroupNames.resolve("line-a", "p", csv, journal, LocalDate.of(2026, 12, 2)))
          .isEqualTo("line-a");
    }
  }
}
