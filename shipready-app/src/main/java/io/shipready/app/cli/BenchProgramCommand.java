package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.bench.ProgramBenchmark;
import io.shipready.device.emulated.QemuFleet;
import java.nio.file.Files;
import java.util.ArrayList;
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

/** {@code shipready bench program}: flash programming throughput over the GDB remote protocol. */
@Command(
    name = "program",
    mixinStandardHelpOptions = true,
    description = {
      "Program emulated nRF51 units (QEMU micro:bit) over the GDB remote protocol, 1, 4 and 8 at"
          + " once by default, each through its own GDB server, and read every one back.",
      "Prints each unit's write rate (mean and slowest) and the aggregate rate of all units"
          + " together, in KiB/s. Needs qemu-system-arm."
    })
public final class BenchProgramCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--units",
      split = ",",
      defaultValue = "1,4,8",
      paramLabel = "N[,N...]",
      description = "Units programmed at once, one round per number (default ${DEFAULT-VALUE}).")
  List<Integer> units;

  @Option(
      names = "--size-kib",
      defaultValue = "128",
      description = "Image size in KiB, at most 255 (default ${DEFAULT-VALUE}).")
  int sizeKib;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Measured rounds per number of units; the best is reported (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--qemu",
      defaultValue = QemuFleet.DEFAULT_QEMU,
      description = "The qemu-system-arm executable (default ${DEFAULT-VALUE}).")
  String qemu;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (sizeKib < 1 || sizeKib > 255) {
      throw new ParameterException(spec.commandLine(), "--size-kib must be between 1 and 255");
    }
    if (units.stream().anyMatch(n -> n < 1 || n > 64)) {
      throw new ParameterException(spec.commandLine(), "--units must be between 1 and 64");
    }
    var out = spec.commandLine().getOut();
    var work = Files.createTempDirectory("shipready-bench-program-");
    ProgramBenchmark benchmark = new ProgramBenchmark(qemu, work, sizeKib * 1024);
    List<Map<String, Object>> results = new ArrayList<>();
    if (!json) {
      out.printf(
          Locale.ROOT,
          "program: %d KiB image over the GDB remote protocol (QEMU micro:bit), best of %d%n"
              + "%6s %14s %16s %16s %16s %9s%n",
          sizeKib,
          Math.max(1, rounds),
          "units",
          "unit KiB/s",
          "slowest KiB/s",
          "aggregate KiB/s",
          "verify KiB/s",
          "verified");
      out.flush();
    }
    boolean allVerified = true;
    for (int n : units) {
      ProgramBenchmark.Result result = benchmark.run(n, Math.max(1, rounds));
      allVerified &= result.allVerified();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("units", result.units());
      figures.put("image_bytes", result.imageBytes());
      figures.put("unit_kib_per_s", round(result.meanUnitKibPerSecond()));
      figures.put("slowest_unit_kib_per_s", round(result.slowestUnitKibPerSecond()));
      figures.put("aggregate_kib_per_s", round(result.aggregateKibPerSecond()));
      figures.put("verify_aggregate_kib_per_s", round(result.verifyKibPerSecond()));
      figures.put("verified", result.allVerified());
      results.add(figures);
      if (!json) {
        out.printf(
            Locale.ROOT,
            "%6d %14.1f %16.1f %16.1f %16.1f %9s%n",
            result.units(),
            result.meanUnitKibPerSecond(),
            result.slowestUnitKibPerSecond(),
            result.aggregateKibPerSecond(),
            result.verifyKibPerSecond(),
            result.allVerified() ? "yes" : "NO");
        out.flush();
      }
    }
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("image_kib", sizeKib);
      all.put("cores", Runtime.getRuntime().availableProcessors());
      all.put("rounds", results);
      out.println(new ObjectMapper().writeValueAsString(all));
      out.flush();
    }
    return allVerified ? 0 : 1;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
