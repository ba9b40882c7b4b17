package io.shipready.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipready bench line}: one station recipe on simulated units in real time, with many slots
 * and then with one, side by side in one run; units per hour of each and their ratio.
 */
@Command(
    name = "line",
    mixinStandardHelpOptions = true,
    description = {
      "Run a station recipe on simulated units in real time (time scale 1) with --slots slots, then"
          + " the same recipe one unit at a time, in one run; print units per hour of each and the"
          + " ratio.",
      "The line's station-config.template.yaml is filled in with bench values for the run."
    })
public final class BenchLineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--recipe",
      defaultValue = "lines/particle-cellular/programming.yaml",
      description = "Station recipe (default ${DEFAULT-VALUE}).")
  Path recipe;

  @Option(names = "--slots", defaultValue = "24", description = "Slots of the busy station.")
  int slots;

  @Option(names = "--units", defaultValue = "48", description = "Units through the busy station.")
  int units;

  @Option(
      names = "--single-units",
      defaultValue = "6",
      description = "Units through the one-slot station (it takes a unit's full time each).")
  int singleUnits;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (slots < 2 || units < 1 || singleUnits < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--slots must be 2 or more, --units and --single-units 1 or more");
    }
    Path work = Files.createTempDirectory("shipready-bench-line");
    Path config = DemoCommand.filledConfig(recipe.toAbsolutePath().getParent(), work, "bench");
    JsonNode busy = run(config, work.resolve("busy.db"), slots, units);
    JsonNode single = run(config, work.resolve("single.db"), 1, singleUnits);
    double busyRate = busy.get("units_per_hour").asDouble();
    double singleRate = single.get("units_per_hour").asDouble();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("recipe", busy.get("recipe").asText());
    figures.put("slots", slots);
    figures.put("units", units);
    figures.put("wall_s", busy.get("wall_s").asDouble());
    figures.put("units_per_hour", busyRate);
    figures.put("single_units", singleUnits);
    figures.put("single_wall_s", single.get("wall_s").asDouble());
    figures.put("single_units_per_hour", singleRate);
    figures.put("ratio", singleRate == 0 ? 0 : busyRate / singleRate);
    figures.put("passed", busy.get("pass").asInt() + single.get("pass").asInt());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(figures));
    } else {
      out.printf(
          Locale.ROOT,
          "line: %s in real time%n"
              + "  %2d slots  %3d units  %8.2f s  %8.0f units/h%n"
              + "   1 slot   %3d units  %8.2f s  %8.0f units/h%n"
              + "  ratio %.1f x%n",
          figures.get("recipe"),
          slots,
          units,
          figures.get("wall_s"),
          busyRate,
          singleUnits,
          figures.get("single_wall_s"),
          singleRate,
          figures.get("ratio"));
    }
    out.flush();
    return 0;
  }

  private JsonNode run(Path config, Path db, int slotCount, int unitCount) throws Exception {
    return InProcessRun.summary(
        List.of(
            "--recipe",
            recipe.toString(),
            "--simulate",
            Integer.toString(unitCount),
            "--slots",
            Integer.toString(slotCount),
            "--seed",
            "7",
            "--time-scale",
            "1",
            "--config",
            config.toString(),
            "--db",
            db.toString()));
  }
}
