package io.shipready.app.bench;

import io.javalin.Javalin;
import io.shipready.backoffice.provisioning.AppliedOperation;
import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.ProvisioningSettings;
import io.shipready.backoffice.provisioning.auth.Scope;
import io.shipready.backoffice.provisioning.client.InFlightFigures;
import io.shipready.backoffice.provisioning.client.Journal;
import io.shipready.backoffice.provisioning.client.ProvisionPlan;
import io.shipready.backoffice.provisioning.client.ProvisionReport;
import io.shipready.backoffice.provisioning.client.Provisioner;
import io.shipready.backoffice.provisioning.client.UnitCsv;
import io.shipready.backoffice.provisioning.client.UnitResult;
import io.shipready.backoffice.provisioning.client.UnitRow;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import io.shipready.core.Spread;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Provisions {@code units} units (import, add to group, rename after serial, claim: 4 requests
 * each) against the back office's API started in this process with a rate limit of {@code rate}
 * requests per second per token and {@code latency} added to each request; then the same through
 * one request at a time (the vendor's sample loop) on a subset, extrapolated.
 *
 * <p>Two clients take turns, each round with new units and a token of its own: the client as {@code
 * provision} runs it by default (its in-flight limit found from the quota and the latency) and one
 * fixed at {@code fixedConcurrency} in flight. Rounds alternate (found then fixed, fixed then
 * found, ...) so a machine that slows down in the middle slows both; one smaller round of each
 * warms the JIT and the database first and is not counted. Figures are the median of the rounds
 * with their min and max.
 */
public final class ProvisionBenchmark {
  private final int units;
  private final int rate;
  private final Duration latency;
  private final int fixedConcurrency;
  private final int serialUnits;
  private final int rounds;
  private int batches;

  public ProvisionBenchmark(
      int units, int rate, Duration latency, int fixedConcurrency, int serialUnits, int rounds) {
    if (units < 1 || rate < 1 || fixedConcurrency < 1 || serialUnits < 1 || rounds < 1) {
      throw new IllegalArgumentException(
          "units, rate, fixed concurrency, serial units and rounds must be at least 1");
    }
    this.units = units;
    this.rate = rate;
    this.latency = latency;
    this.fixedConcurrency = fixedConcurrency;
    this.serialUnits = Math.min(serialUnits, units);
    this.rounds = rounds;
  }

  /** One client's round. */
  public record Round(
      double elapsedSeconds,
      long accepted,
      long requests,
      long throttled,
      long retries,
      long failedUnits,
      InFlightFigures inFlight) {}

  /**
   * One client over the rounds.
   *
   * @param label what the client is, e.g. {@code found} or {@code fixed 32}
   * @param inFlightMedian the median over the rounds of each round's median in-flight limit
   * @param inFlightLow the lowest 5th percentile of the in-flight limit over the rounds
   * @param inFlightHigh the highest 95th percentile
   */
  public record Client(
      String label,
      Spread elapsedSeconds,
      Spread achievedPerSecond,
      Spread fractionOfLimit,
      long throttled,
      long retries,
      long failedUnits,
      int inFlightMedian,
      int inFlightLow,
      int inFlightHigh,
      List<Round> rounds) {
    static Client of(String label, int rate, List<Round> rounds) {
      List<Double> achieved = rounds.stream().map(r -> r.accepted() / r.elapsedSeconds()).toList();
      Spread inFlight =
          Spread.of(rounds.stream().map(r -> (double) r.inFlight().median()).toList());
      return new Client(
          label,
          Spread.of(rounds.stream().map(Round::elapsedSeconds).toList()),
          Spread.of(achieved),
          Spread.of(achieved.stream().map(a -> a / rate).toList()),
          rounds.stream().mapToLong(Round::throttled).sum(),
          rounds.stream().mapToLong(Round::retries).sum(),
          rounds.stream().mapToLong(Round::failedUnits).sum(),
          (int) Math.round(inFlight.median()),
          rounds.stream().mapToInt(r -> r.inFlight().p5()).min().orElse(0),
          rounds.stream().mapToInt(r -> r.inFlight().p95()).max().orElse(0),
          List.copyOf(rounds));
    }
  }

  /** The figures. */
  public record Result(
      int units,
      int callsPerUnit,
      int rate,
      long latencyMillis,
      int rounds,
      double idealSeconds,
      Client found,
      Client fixed,
      long operationsExpected,
      long operationsApplied,
      long operationsRepeated,
      int serialUnits,
      double serialSeconds,
      double serialExtrapolatedSeconds) {
    /** The one-at-a-time loop's extrapolated time over the found client's median. */
    public double speedUp() {
      return serialExtrapolatedSeconds / found.elapsedSeconds().median();
    }

    /** The found client's median fraction of the limit over the fixed one's. */
    public double foundOverFixed() {
      return found.fractionOfLimit().median() / fixed.fractionOfLimit().median();
    }
  }

  /** The API in this process, with its database in a temporary folder. */
  private record Api(ProvisioningFeature feature, Javalin app, URI uri, Path dir) {}

  public Result run() throws Exception {
    Path dir = Files.createTempDirectory("shipready-bench-provision");
    try {
      ProvisioningFeature feature =
          ProvisioningFeature.open(
              ProvisioningSettings.builder(dir.resolve("backoffice.db").toString())
                  .rateLimit(new RateLimit(rate, Duration.ofSeconds(1)))
                  .addedLatency(latency)
                  .build());
      Javalin app =
          Javalin.create(
              config -> {
                config.showJavalinBanner = false;
                config.jetty.threadPool =
                    new org.eclipse.jetty.util.thread.QueuedThreadPool(
                        Math.max(250, fixedConcurrency * 2 + 16));
              });
      try {
        feature.addTo(app);
        app.start("127.0.0.1", 0);
        Api api = new Api(feature, app, URI.create("http://127.0.0.1:" + app.port()), dir);
        int warmUp = Math.min(units, 500);
        clientRound(api, "warm-found", warmUp, ProvisionPlan.FOUND);
        clientRound(api, "warm-fixed", warmUp, fixedConcurrency);
        List<Round> found = new ArrayList<>();
        List<Round> fixed = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          if (round % 2 == 1) {
            found.add(clientRound(api, "found-" + round, units, ProvisionPlan.FOUND));
            fixed.add(clientRound(api, "fixed-" + round, units, fixedConcurrency));
          } else {
            fixed.add(clientRound(api, "fixed-" + round, units, fixedConcurrency));
            found.add(clientRound(api, "found-" + round, units, ProvisionPlan.FOUND));
          }
        }
        Round serial = clientRound(api, "serial", serialUnits, 1);

        long applied = 0;
        long repeated = 0;
        for (AppliedOperation op : feature.appliedOperations()) {
          if (op.product().startsWith("found-") || op.product().startsWith("fixed-")) {
            applied++;
            repeated += op.repeats();
          }
        }
        int calls = CALLS_PER_UNIT;
        return new Result(
            units,
            calls,
            rate,
            latency.toMillis(),
            rounds,
            (units * (double) calls + 2) / rate,
            Client.of("found", rate, found),
            Client.of("fixed " + fixedConcurrency, rate, fixed),
            // Each round's units and its group, for each client.
            2L * rounds * (units * (long) calls + 1),
            applied,
            repeated,
            serialUnits,
            serial.elapsedSeconds(),
            serial.elapsedSeconds() * units / serialUnits);
      } finally {
        app.stop();
        feature.close();
      }
    } finally {
      deleteTree(dir);
    }
  }

  /** import, add to group, rename, claim. */
  private static final int CALLS_PER_UNIT = 4;

  /** Provisions {@code count} new units in a product (and with a token) of their own. */
  private Round clientRound(Api api, String product, int count, int concurrency) throws Exception {
    String token = api.feature().tokens().create(product, EnumSet.allOf(Scope.class)).secret();
    // Device ids are new in each round: a device belongs to one product.
    String prefix = String.format(Locale.ROOT, "0a%06x", ++batches);
    List<UnitRow> rows =
        UnitCsv.read(writeCsv(api.dir().resolve(product + ".csv"), prefix, count), true, false);
    ProvisionPlan plan =
        new ProvisionPlan(api.uri(), product, "bench", true, true, false, concurrency, 6);
    ProvisionReport report;
    try (Journal journal = Journal.open(api.dir().resolve(product + ".journal"))) {
      report = new Provisioner(plan, token, journal).run(rows, unit -> {});
    }
    return new Round(
        report.elapsed().toNanos() / 1e9,
        report.requests() - report.throttled(),
        report.requests(),
        report.throttled(),
        report.retries(),
        report.units().size() - report.count(UnitResult.State.DONE),
        report.inFlight());
  }

  private static Path writeCsv(Path file, String prefix, int count) throws IOException {
    List<String> lines = new ArrayList<>(count + 1);
    lines.add("device_id,serial");
    for (int i = 0; i < count; i++) {
      lines.add(String.format(Locale.ROOT, "%s%016x,BENCH-%06d", prefix, i, i));
    }
    Files.write(file, lines);
    return file;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
