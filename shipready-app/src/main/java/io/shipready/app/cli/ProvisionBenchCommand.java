package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.bench.ProvisionBenchmark;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready bench provision}. */
@Command(
    name = "provision",
    mixinStandardHelpOptions = true,
    description = {
      "Start the provisioning API in this process with a limit of --rate requests per second and"
          + " --latency added to each request, then provision --units new units (import, group,"
          + " rename, claim: 4 requests each) in --rounds alternating rounds of two clients: the"
          + " default one, which finds its in-flight limit from the rate-limit headers and the"
          + " latency, and one fixed at --concurrency in flight. Then --serial-units units one"
          + " request at a time (extrapolated to --units, and labelled so).",
      "Prints for each client the median of the rounds (min, max) of the fraction of the limit"
          + " used and the elapsed time against the ideal (requests / limit), the in-flight limit"
          + " it ran at, failures and 429s; then the speed-up over the one-at-a-time loop."
    })
public final class ProvisionBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--units",
      defaultValue = "5000",
      description = "Units per client per round (default ${DEFAULT-VALUE}).")
  int units;

  @Option(
      names = "--rate",
      defaultValue = "1000",
      description = "Limit in requests per second (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--latency",
      defaultValue = "20ms",
      description = "Added to each request, e.g. 20ms or 0.1s (default ${DEFAULT-VALUE}).")
  String latency;

  @Option(
      names = "--concurrency",
      defaultValue = "32",
      description =
          "In flight for the fixed client beside the default one (default ${DEFAULT-VALUE}, the"
              + " default before the client found its own).")
  int concurrency;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Measured rounds of each client, alternating; the median is reported with min and max"
              + " (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--serial-units",
      defaultValue = "250",
      description = "Units for the one-at-a-time loop (default ${DEFAULT-VALUE}).")
  int serialUnits;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (units < 1 || rate < 1 || concurrency < 1 || serialUnits < 1 || rounds < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--units, --rate, --concurrency, --rounds and --serial-units must be at least 1");
    }
    ProvisionBenchmark.Result r =
        new ProvisionBenchmark(units, rate, parseLatency(latency), concurrency, serialUnits, rounds)
            .run();
    var out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("units", r.units());
      figures.put("calls_per_unit", r.callsPerUnit());
      figures.put("limit_per_s", r.rate());
      figures.put("latency_ms", r.latencyMillis());
      figures.put("rounds", r.rounds());
      figures.put("ideal_s", round(r.idealSeconds(), 3));
      figures.put("found", client(r.found()));
      figures.put("fixed", client(r.fixed()));
      figures.put("found_over_fixed", round(r.foundOverFixed(), 3));
      figures.put("operations_expected", r.operationsExpected());
      figures.put("operations_applied", r.operationsApplied());
      figures.put("operations_repeated", r.operationsRepeated());
      figures.put("serial_units_measured", r.serialUnits());
      figures.put("serial_measured_s", round(r.serialSeconds(), 3));
      figures.put("serial_extrapolated_s", round(r.serialExtrapolatedSeconds(), 1));
      figures.put("speed_up", round(r.speedUp(), 2));
      figures.put("load_average", round(loadAverage(), 2));
      out.println(new ObjectMapper().writeValueAsString(figures));
    } else {
      out.printf(
          Locale.ROOT,
          "provision: %,d units x %d requests per client per round, limit %,d/s, %d ms added"
              + " latency, %d rounds each, alternating; load average %.2f%n"
              + "  ideal at the limit %.2f s; median (min-max) of the rounds:%n",
          r.units(),
          r.callsPerUnit(),
          r.rate(),
          r.latencyMillis(),
          r.rounds(),
          loadAverage(),
          r.idealSeconds());
      for (ProvisionBenchmark.Client c : List.of(r.found(), r.fixed())) {
        out.printf(
            Locale.ROOT,
            "  %-9s fraction of the limit %.3f (%.3f-%.3f), %.1f requests/s, elapsed %.2f s"
                + " (%.2f-%.2f)%n"
                + "            in flight %d (5-95%% over the rounds: %d-%d); %,d refused with"
                + " 429, %,d retried, %d units failed%n",
            c.label(),
            c.fractionOfLimit().median(),
            c.fractionOfLimit().min(),
            c.fractionOfLimit().max(),
            c.achievedPerSecond().median(),
            c.elapsedSeconds().median(),
            c.elapsedSeconds().min(),
            c.elapsedSeconds().max(),
            c.inFlightMedian(),
            c.inFlightLow(),
            c.inFlightHigh(),
            c.throttled(),
            c.retries(),
            c.failedUnits());
      }
      out.printf(
          Locale.ROOT,
          "  found / fixed  %.3f of the fixed client's fraction%n"
              + "  server        applied %,d operations of %,d expected, %d asked again%n"
              + "  one at a time %.2f s for %d units, EXTRAPOLATED to %,d units: %.1f s%n"
              + "  speed-up      %.1f x over one request at a time (found client, median)%n",
          r.foundOverFixed(),
          r.operationsApplied(),
          r.operationsExpected(),
          r.operationsRepeated(),
          r.serialSeconds(),
          r.serialUnits(),
          r.units(),
          r.serialExtrapolatedSeconds(),
          r.speedUp());
    }
    out.flush();
    boolean clean =
        r.found().failedUnits() == 0
            && r.fixed().failedUnits() == 0
            && r.operationsApplied() == r.operationsExpected();
    return clean ? 0 : 1;
  }

  private static Map<String, Object> client(ProvisionBenchmark.Client c) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("client", c.label());
    map.put("fraction_of_limit", spread(c.fractionOfLimit(), 4));
    map.put("achieved_per_s", spread(c.achievedPerSecond(), 1));
    map.put("elapsed_s", spread(c.elapsedSeconds(), 3));
    map.put("in_flight_median", c.inFlightMedian());
    map.put("in_flight_p5", c.inFlightLow());
    map.put("in_flight_p95", c.inFlightHigh());
    map.put("throttled_429", c.throttled());
    map.put("retries", c.retries());
    map.put("failed_units", c.failedUnits());
    return map;
  }

  private static Map<String, Object> spread(io.shipready.core.Spread s, int places) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("median", round(s.median(), places));
    map.put("min", round(s.min(), places));
    map.put("max", round(s.max(), places));
    return map;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static Duration parseLatency(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofNanos(
            (long) (Double.parseDouble(t.substring(0, t.length() - 2)) * 1_000_000));
      }
      if (t.endsWith("s")) {
        return Duration.ofNanos(
            (long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1_000_000_000));
      }
      return Duration.ofMillis(Long.parseLong(t));
    } catch (NumberFormatException bad) {
      throw new io.shipready.core.ShipreadyException(
          "--latency '" + text + "' not understood: write e.g. 20ms or 0.1s");
    }
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
