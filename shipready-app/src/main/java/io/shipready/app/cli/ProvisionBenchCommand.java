package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.bench.ProvisionBenchmark;
import java.time.Duration;
import java.util.LinkedHashMap;
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
          + " --latency added to each request, provision --units units (import, group, rename,"
          + " claim: 4 requests each) with the concurrent client, then --serial-units of them one"
          + " request at a time (extrapolated to --units, and labelled so).",
      "Prints elapsed time against the ideal (requests / limit), the fraction of the limit used,"
          + " failures, 429s, and the speed-up over the one-at-a-time loop."
    })
public final class ProvisionBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--units",
      defaultValue = "10000",
      description = "Units (default ${DEFAULT-VALUE}).")
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
      defaultValue = "128",
      description = "Client's requests in flight at most (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--serial-units",
      defaultValue = "250",
      description = "Units for the one-at-a-time loop (default ${DEFAULT-VALUE}).")
  int serialUnits;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (units < 1 || rate < 1 || concurrency < 1 || serialUnits < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--units, --rate, --concurrency and --serial-units must be at least 1");
    }
    ProvisionBenchmark.Result r =
        new ProvisionBenchmark(units, rate, parseLatency(latency), concurrency, serialUnits).run();
    var out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("units", r.units());
      figures.put("calls_per_unit", r.callsPerUnit());
      figures.put("limit_per_s", r.rate());
      figures.put("latency_ms", r.latencyMillis());
      figures.put("concurrency", r.concurrency());
      figures.put("elapsed_s", round(r.elapsedSeconds(), 3));
      figures.put("ideal_s", round(r.idealSeconds(), 3));
      figures.put("achieved_per_s", round(r.achievedPerSecond(), 1));
      figures.put("fraction_of_limit", round(r.fractionOfLimit(), 4));
      figures.put("requests", r.requests());
      figures.put("throttled_429", r.throttled());
      figures.put("retries", r.retries());
      figures.put("failed_units", r.failedUnits());
      figures.put("operations_applied", r.operationsApplied());
      figures.put("operations_repeated", r.operationsRepeated());
      figures.put("serial_units_measured", r.serialUnits());
      figures.put("serial_measured_s", round(r.serialSeconds(), 3));
      figures.put("serial_extrapolated_s", round(r.serialExtrapolatedSeconds(), 1));
      figures.put("speed_up", round(r.speedUp(), 2));
      out.println(new ObjectMapper().writeValueAsString(figures));
    } else {
      out.printf(
          Locale.ROOT,
          "provision: %,d units x %d requests, limit %,d/s, %d ms added latency, %d in flight%n"
              + "  elapsed        %.2f s (ideal at the limit %.2f s, efficiency %.3f)%n"
              + "  achieved       %.1f requests/s accepted = %.3f of the limit%n"
              + "  requests       %,d sent, %,d refused with 429, %,d retried%n"
              + "  failures       %d units; server applied %,d operations, %d asked again%n"
              + "  one at a time  %.2f s for %d units, EXTRAPOLATED to %,d units: %.1f s%n"
              + "  speed-up       %.1f x over one request at a time%n",
          r.units(),
          r.callsPerUnit(),
          r.rate(),
          r.latencyMillis(),
          r.concurrency(),
          r.elapsedSeconds(),
          r.idealSeconds(),
          r.idealSeconds() / r.elapsedSeconds(),
          r.achievedPerSecond(),
          r.fractionOfLimit(),
          r.requests(),
          r.throttled(),
          r.retries(),
          r.failedUnits(),
          r.operationsApplied(),
          r.operationsRepeated(),
          r.serialSeconds(),
          r.serialUnits(),
          r.units(),
          r.serialExtrapolatedSeconds(),
          r.speedUp());
    }
    out.flush();
    return r.failedUnits() == 0 ? 0 : 1;
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
