package io.shipready.app.bench;

import io.javalin.Javalin;
import io.shipready.backoffice.provisioning.AppliedOperation;
import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.ProvisioningSettings;
import io.shipready.backoffice.provisioning.auth.Scope;
import io.shipready.backoffice.provisioning.client.Journal;
import io.shipready.backoffice.provisioning.client.ProvisionPlan;
import io.shipready.backoffice.provisioning.client.ProvisionReport;
import io.shipready.backoffice.provisioning.client.Provisioner;
import io.shipready.backoffice.provisioning.client.UnitCsv;
import io.shipready.backoffice.provisioning.client.UnitRow;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
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
 */
public final class ProvisionBenchmark {
  private final int units;
  private final int rate;
  private final Duration latency;
  private final int concurrency;
  private final int serialUnits;

  public ProvisionBenchmark(
      int units, int rate, Duration latency, int concurrency, int serialUnits) {
    this.units = units;
    this.rate = rate;
    this.latency = latency;
    this.concurrency = concurrency;
    this.serialUnits = Math.min(serialUnits, units);
  }

  /** The figures. */
  public record Result(
      int units,
      int callsPerUnit,
      int rate,
      long latencyMillis,
      int concurrency,
      double elapsedSeconds,
      double idealSeconds,
      long requests,
      long throttled,
      long retries,
      long failedUnits,
      long operationsApplied,
      long operationsRepeated,
      int serialUnits,
      double serialSeconds,
      double serialExtrapolatedSeconds) {
    /** Requests the server accepted, per second. */
    public double achievedPerSecond() {
      return (requests - throttled) / elapsedSeconds;
    }

    public double fractionOfLimit() {
      return achievedPerSecond() / rate;
    }

    public double speedUp() {
      return serialExtrapolatedSeconds / elapsedSeconds;
    }
  }

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
                        Math.max(250, concurrency * 2 + 16));
              });
      try {
        feature.addTo(app);
        app.start("127.0.0.1", 0);
        URI api = URI.create("http://127.0.0.1:" + app.port());
        List<UnitRow> rows =
            UnitCsv.read(writeCsv(dir.resolve("units.csv"), "0a10aced", units), true, false);
        List<UnitRow> serialRows =
            UnitCsv.read(writeCsv(dir.resolve("serial.csv"), "0b20aced", serialUnits), true, false);

        String fastToken =
            feature.tokens().create("bench-fast", EnumSet.allOf(Scope.class)).secret();
        ProvisionPlan fast =
            new ProvisionPlan(api, "bench-fast", "bench", true, true, false, concurrency, 6);
        ProvisionReport report;
        try (Journal journal = Journal.open(dir.resolve("fast.journal"))) {
          report = new Provisioner(fast, fastToken, journal).run(rows, unit -> {});
        }

        String serialToken =
            feature.tokens().create("bench-serial", EnumSet.allOf(Scope.class)).secret();
        ProvisionPlan oneAtATime =
            new ProvisionPlan(api, "bench-serial", "bench", true, true, false, 1, 6);
        ProvisionReport serial;
        try (Journal journal = Journal.open(dir.resolve("serial.journal"))) {
          serial = new Provisioner(oneAtATime, serialToken, journal).run(serialRows, unit -> {});
        }

        long applied = 0;
        long repeated = 0;
        for (AppliedOperation op : feature.appliedOperations()) {
          if (op.product().equals("bench-fast")) {
            applied++;
            repeated += op.repeats();
          }
        }
        double elapsed = report.elapsed().toNanos() / 1e9;
        double serialSeconds = serial.elapsed().toNanos() / 1e9;
        int calls = fast.callsPerUnit();
        long serialFailed =
            serial.units().size()
                - serial.count(io.shipready.backoffice.provisioning.client.UnitResult.State.DONE);
        return new Result(
            units,
            calls,
            rate,
            latency.toMillis(),
            concurrency,
            elapsed,
            (units * (double) calls + 2) / rate,
            report.requests(),
            report.throttled(),
            report.retries(),
            report.units().size()
                - report.count(io.shipready.backoffice.provisioning.client.UnitResult.State.DONE)
                + serialFailed,
            applied,
            repeated,
            serialUnits,
            serialSeconds,
            serialSeconds * units / serialUnits);
      } finally {
        app.stop();
        feature.close();
      }
    } finally {
      deleteTree(dir);
    }
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
