package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shipready.app.console.ConsoleReporter;
import io.shipready.app.console.RunSummary;
import io.shipready.app.console.SlotTable;
import io.shipready.app.simulate.AutoAnswerPrompter;
import io.shipready.app.simulate.SimulatedUnits;
import io.shipready.core.ShipreadyException;
import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.EventBus;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.step.StationOutputs;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.image.FileImageLibrary;
import io.shipready.device.sim.FaultPlanner;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationConfigReader;
import io.shipready.output.station.ConfiguredOutputs;
import io.shipready.store.AbortedRun;
import io.shipready.store.RecordWriter;
import io.shipready.store.StationInfo;
import io.shipready.store.StationPackage;
import io.shipready.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready run}: a recipe on a batch of units, many slots at once. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a recipe on units, many slots at once, with a live console and a summary.",
      "Exit code 0 when the batch ran (whatever the units' outcomes), 1 when the station could"
          + " not run, 2 on bad usage."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Option(
      names = "--station",
      paramLabel = "ID",
      description = "This station's id in the records (default: the recipe's station name@host).")
  String stationId;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The station's configuration (identity fields that go into every record). Refused,"
              + " before any unit runs, while a CHANGE_ME is left in it.")
  Path configFile;

  @Option(
      names = "--operator",
      paramLabel = "NAME",
      description = "The operator signed in, kept with every run (default: the login name).")
  String operator;

  @Option(names = "--recipe", required = true, paramLabel = "FILE", description = "The recipe.")
  Path recipeFile;

  @Option(
      names = "--trust",
      paramLabel = "PUBKEY",
      description =
          "Require the recipe to come from an installed station package signed by this key. A"
              + " recipe from an installed package is always checked, file by file, before any"
              + " unit runs.")
  Path trustFile;

  @Option(
      names = "--allow-unsigned-package",
      description = "Run from a station package installed without a signature (trials only).")
  boolean allowUnsignedPackage;

  @Option(
      names = "--simulate",
      paramLabel = "N",
      description = "Run N simulated units of the recipe's device family (a dry run).")
  Integer simulate;

  @Option(
      names = "--slots-file",
      paramLabel = "FILE",
      description =
          "Run units reached through debug probes and consoles instead of simulated ones: the slot"
              + " map names each slot's GDB server and console (shipready emulate writes one).")
  Path slotsFile;

  @Option(
      names = "--units",
      paramLabel = "N",
      description = "With --slots-file: how many units to run (default: one per slot).")
  Integer units;

  @Option(
      names = "--serial-prefix",
      paramLabel = "TEXT",
      description =
          "With --slots-file: the start of the serial each unit is given (default: from the time).")
  String serialPrefix;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "Slots to run at once (default: the recipe's station.slots).")
  Integer slots;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the simulated units and their faults (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--fail-rate",
      paramLabel = "F",
      defaultValue = "0",
      description = "Share of simulated units given a fault the recipe should catch (0..1).")
  double failRate;

  @Option(
      names = "--time-scale",
      paramLabel = "X",
      description = "Simulated time per real time: 0.1 runs ten times faster (default: recipe's).")
  Double timeScale;

  @Option(names = "--variant", paramLabel = "NAME", description = "Product variant's limits.")
  String variant;

  @Option(names = "--json", description = "Print only a JSON summary on standard output.")
  boolean json;

  @Option(
      names = "--lines",
      description = "A line per event even on a terminal (instead of the redrawn slot table).")
  boolean lines;

  @Override
  public Integer call() throws Exception {
    if (slotsFile != null) {
      if (simulate != null) {
        throw new ParameterException(
            spec.commandLine(), "--simulate and --slots-file exclude each other; choose one");
      }
      return new ProbeRun(this).call();
    }
    if (simulate == null) {
      throw new ParameterException(
          spec.commandLine(),
          "say which units to run: --simulate N runs N simulated units, --slots-file FILE the"
              + " units on the probes a slot map names");
    }
    if (simulate < 1 || (slots != null && slots < 1)) {
      throw new ParameterException(spec.commandLine(), "--simulate and --slots must be at least 1");
    }
    if (failRate < 0 || failRate > 1) {
      throw new ParameterException(spec.commandLine(), "--fail-rate must be between 0 and 1");
    }
    // An installed package that differs from what was approved stops here, before anything of it
    // is read or the records are opened.
    StationPackage stationPackage =
        StationPackageCheck.verify(recipeFile, trustFile, allowUnsignedPackage);
    Recipe recipe = new RecipeParser(StandardSteps.library()).parse(recipeFile).forVariant(variant);
    SimulatedFleet fleet = new SimulatedFleet(settings(recipe));
    Map<Integer, FaultPlanner.PlannedFault> faults =
        FaultPlanner.plan(recipe, fleet, simulate, failRate);
    int slotCount = slots != null ? slots : Math.max(1, recipe.station().slots());

    // A station config still holding CHANGE_ME stops here, before the records are even opened.
    StationConfig config = configFile == null ? null : StationConfigReader.read(configFile);
    Map<String, String> stationFields = StationFields.of(recipe, slotCount, true, config);
    String station = stationId != null ? stationId : recipe.station().name() + "@" + hostName();
    if (config != null) {
      station = stationId != null ? stationId : config.stationId();
    }
    StationOutputsOption.requireConfigFor(recipe, config);
    try (Store records = Store.open(store.url());
        ConfiguredOutputs outputs = StationOutputsOption.open(config, configFile)) {
      List<AbortedRun> aborted =
          records.closeOpenRuns(
              station, "the station stopped before the run ended (killed, crashed or lost power)");
      var out = spec.commandLine().getOut();
      reportAborted(out, aborted);
      StationReport report;
      try (RecordWriter writer =
          records.openWriter(
              new StationInfo(
                  station,
                  hostName(),
                  operator != null ? operator : System.getProperty("user.name", ""),
                  stationFields,
                  stationPackage))) {
        report = runStation(recipe, fleet, faults, slotCount, writer, outputs, records, out);
      }
      RunSummary summary = new RunSummary(recipe.name(), slotCount, report, faults);
      if (json) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(summary.asData()));
        out.flush();
      } else {
        summary.print(out);
        if (stationPackage != null) {
          out.println(
              "  package: "
                  + stationPackage.name()
                  + " "
                  + stationPackage.version()
                  + " manifest sha256 "
                  + stationPackage.manifestSha256());
        }
        out.println("  records: " + records.describe());
        out.flush();
      }
      return report.stationError().isEmpty() ? 0 : 1;
    }
  }

  private StationReport runStation(
      Recipe recipe,
      SimulatedFleet fleet,
      Map<Integer, FaultPlanner.PlannedFault> faults,
      int slotCount,
      RecordWriter writer,
      ConfiguredOutputs outputs,
      Store records,
      java.io.PrintWriter out)
      throws Exception {
    EventBus events = new EventBus();
    // The record first: a display must never learn of an event the record has not been given.
    events.subscribe(writer);
    if (outputs != null) {
      events.subscribe(outputs);
    }
    AutoCloseable console = null;
    if (!json) {
      boolean terminal = System.console() != null && !lines;
      var listener =
          terminal ? new SlotTable(out, recipe.runSteps().size()) : new ConsoleReporter(out);
      events.subscribe(listener);
      console = listener;
    }
    Station station =
        Station.builder(recipe, StandardSteps.library())
            .slots(Station.Builder.numberedSlots(slotCount))
            .events(events)
            .records(writer)
            .images(new FileImageLibrary(recipe.baseDir()))
            .prompter(new AutoAnswerPrompter())
            .outputs(outputs != null ? outputs : StationOutputs.NONE)
            .knownUnits(records.knownUnits())
            .build();
    Thread stopOnSignal = new Thread(() -> station.stop("station shut down (signal)"), "shutdown");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    try {
      return station.run(
          new SimulatedUnits(fleet, recipe.station().deviceFamily(), simulate, faults));
    } finally {
      if (console != null) {
        console.close();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnSignal);
      } catch (IllegalStateException shuttingDown) {
        // Already shutting down: the hook is running.
      }
    }
  }

  static void reportAborted(java.io.PrintWriter out, List<AbortedRun> aborted) {
    if (aborted.isEmpty()) {
      return;
    }
    out.println(
        aborted.size()
            + " run(s) were left open when this station last stopped; they are now ABORTED and"
            + " their units must run again:");
    for (AbortedRun run : aborted) {
      out.println(
          "  ABORTED unit "
              + run.unitNumber()
              + " slot "
              + run.slot()
              + " "
              + (run.identifiers().isEmpty() ? "(not identified)" : run.identifiers().get(0))
              + " run "
              + run.runId()
              + " started "
              + run.started());
    }
    out.flush();
  }

  static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException unknown) {
      return "station";
    }
  }

  private SimulationSettings settings(Recipe recipe) {
    SimulationSettings.Builder builder;
    try {
      builder = SimulationSettings.fromMap(recipe.simulation(), recipe.baseDir()).toBuilder();
    } catch (IllegalArgumentException bad) {
      throw new ShipreadyException(recipeFile + ": simulation: " + bad.getMessage());
    }
    builder.seed(seed);
    if (timeScale != null) {
      builder.timeScale(timeScale);
    }
    return builder.build();
  }
}
