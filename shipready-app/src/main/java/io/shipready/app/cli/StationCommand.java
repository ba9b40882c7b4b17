package io.shipready.app.cli;

import io.shipready.app.console.ConsoleReporter;
import io.shipready.app.console.RunSummary;
import io.shipready.app.station.EngineerPinCheck;
import io.shipready.app.station.OperatorScannedDevice;
import io.shipready.app.station.StationPage;
import io.shipready.core.ShipreadyException;
import io.shipready.core.engine.AttachedUnit;
import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.emulated.ProbeUnits;
import io.shipready.device.emulated.SlotEndpoints;
import io.shipready.device.emulated.SlotMap;
import io.shipready.device.sim.FaultPlanner;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.output.config.EngineerPin;
import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationConfigReader;
import io.shipready.store.AbortedRun;
import io.shipready.store.RecordWriter;
import io.shipready.store.StationInfo;
import io.shipready.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready station}: a station run from its web page. */
@Command(
    name = "station",
    mixinStandardHelpOptions = true,
    description = {
      "Run a station from its web page: a tile per slot with the unit, its step and its outcome;"
          + " a scan field; the operator's questions answered on the page; start, retest and"
          + " (engineer) stop per slot; the shift's yield, units per hour, failure Pareto and"
          + " measurement histograms.",
      "The page is at http://127.0.0.1:PORT/ (only this computer, unless --bind says otherwise)."
          + " The station runs until an engineer stops it from the page, or Ctrl-C.",
      "Engineer actions need the PIN from $SHIPREADY_ENGINEER_PIN or the station config's"
          + " engineerPinHash (made with --hash-pin). Exit code 0 after a stop, 1 when the"
          + " station could not run, 2 on bad usage."
    })
public final class StationCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 8470;

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Option(names = "--recipe", paramLabel = "FILE", description = "The recipe.")
  Path recipeFile;

  @Option(
      names = "--ui",
      paramLabel = "PORT",
      defaultValue = "" + DEFAULT_PORT,
      description = "Port of the station page (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address the page listens on (default ${DEFAULT-VALUE}: this computer only; 0.0.0.0 for"
              + " every network).")
  String bind;

  @Option(
      names = "--simulate",
      paramLabel = "N",
      description =
          "Deal N simulated units of the recipe's device family to the slots; more start from the"
              + " page.")
  Integer simulate;

  @Option(
      names = "--slots-file",
      paramLabel = "FILE",
      description = "The emulated line's slot map: which slot is which emulated device.")
  Path slotsFile;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "Slots (default: the recipe's station.slots).")
  Integer slots;

  @Option(
      names = "--scan-at-station",
      description =
          "Simulated units' barcodes are scanned by the operator on the page instead of read by"
              + " the fixture.")
  boolean scanAtStation;

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

  @Option(
      names = "--station",
      paramLabel = "ID",
      description = "This station's id in the records (default: the config's, else name@host).")
  String stationId;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The station's configuration (identity, engineerPinHash).")
  Path configFile;

  @Option(
      names = "--operator",
      paramLabel = "NAME",
      description = "The user the page starts with (default: the login name).")
  String operator;

  @Option(names = "--lines", description = "Also print a line per event on the console.")
  boolean lines;

  @Option(
      names = "--hash-pin",
      description =
          "Read an engineer PIN or password from standard input and print the engineerPinHash"
              + " line for the station config; runs no station.")
  boolean hashPin;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (hashPin) {
      return printPinHash(out);
    }
    if (recipeFile == null) {
      throw new ParameterException(spec.commandLine(), "name the recipe: --recipe FILE");
    }
    if ((simulate == null) == (slotsFile == null)) {
      throw new ParameterException(
          spec.commandLine(),
          "say where units come from: --simulate N for simulated units, or --slots-file FILE for"
              + " the emulated line (one of them)");
    }
    if ((simulate != null && simulate < 0) || (slots != null && slots < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--simulate must be 0 or more and --slots at least 1");
    }
    if (failRate < 0 || failRate > 1) {
      throw new ParameterException(spec.commandLine(), "--fail-rate must be between 0 and 1");
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--ui must be a port from 0 to 65535");
    }
    Recipe recipe = new RecipeParser(StandardSteps.library()).parse(recipeFile).forVariant(variant);
    int slotCount;
    List<String> slotNames;
    BiFunction<Integer, String, AttachedUnit> units;
    ProbeUnits probes = null;
    if (slotsFile != null) {
      // The emulated line (or real probes): each slot's unit is the one its GDB server and
      // console reach; Start and Retest attach it again.
      SlotMap map = SlotMap.read(slotsFile);
      slotNames = map.slots().stream().map(SlotEndpoints::slot).toList();
      slotCount = slotNames.size();
      ProbeUnits attached =
          new ProbeUnits(
              map,
              Integer.MAX_VALUE,
              "U" + Long.toString(java.time.Instant.now().getEpochSecond(), 36).toUpperCase(),
              java.time.Duration.ofSeconds(10));
      probes = attached;
      units = (number, slot) -> attached.next(slot).orElseThrow();
    } else {
      slotCount = slots != null ? slots : Math.max(1, recipe.station().slots());
      slotNames = Station.Builder.numberedSlots(slotCount);
      SimulatedFleet fleet = new SimulatedFleet(settings(recipe));
      // Faults are planned for more units than the batch: the page may start more.
      Map<Integer, FaultPlanner.PlannedFault> faults =
          FaultPlanner.plan(recipe, fleet, simulate + 10_000, failRate);
      String family = recipe.station().deviceFamily();
      units =
          (number, slot) -> {
            SimulatedDevice device = fleet.unit(number, slot, family);
            FaultPlanner.PlannedFault fault = faults.get(number);
            if (fault != null) {
              device.inject(fault.opportunity().fault());
            }
            return new AttachedUnit(
                number, scanAtStation ? new OperatorScannedDevice(device) : device);
          };
    }

    StationConfig config = configFile == null ? null : StationConfigReader.read(configFile);
    String station =
        stationId != null
            ? stationId
            : config != null ? config.stationId() : recipe.station().name() + "@" + hostName();
    Map<String, String> fields = StationFields.of(recipe, slotCount, slotsFile == null, config);
    fields.put("ui", "station page");
    String user = operator != null ? operator : System.getProperty("user.name", "");
    EngineerPinCheck pins =
        new EngineerPinCheck(
            System.getenv(EngineerPinCheck.ENVIRONMENT),
            config == null ? "" : config.engineerPinHash());

    AutoCloseable closeProbes = probes != null ? probes : () -> {};
    try (closeProbes;
        Store records = Store.open(store.url())) {
      reportAborted(
          out,
          records.closeOpenRuns(
              station, "the station stopped before the run ended (killed, crashed or lost power)"));
      StationReport report;
      try (RecordWriter writer =
          records.openWriter(new StationInfo(station, hostName(), user, fields))) {
        ConsoleReporter console = lines ? new ConsoleReporter(out) : null;
        StationPage page =
            StationPage.start(
                new StationPage.Settings(
                    recipe,
                    station,
                    slotNames,
                    simulate != null ? simulate : slotCount,
                    units,
                    records,
                    writer,
                    user,
                    pins,
                    bind,
                    port,
                    Duration.ofMillis(100),
                    true,
                    console));
        Thread stopOnSignal =
            new Thread(
                () -> {
                  page.stop("station shut down (signal)");
                  page.report().join();
                },
                "shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        out.println(
            "station "
                + station
                + ": "
                + recipe.name()
                + " "
                + recipe.version()
                + " on "
                + slotCount
                + " slot(s); page at http://"
                + (bind.contains(":") ? "[" + bind + "]" : bind)
                + ":"
                + page.port()
                + "/");
        if (!pins.configured()) {
          out.println("  engineer actions are off: " + EngineerPinCheck.notConfigured());
        }
        out.flush();
        try {
          report = page.report().join();
        } finally {
          page.close();
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
      new RunSummary(recipe.name(), slotCount, report, Map.of()).print(out);
      out.println("  records: " + records.describe());
      out.flush();
      return report.stationError().isEmpty() ? 0 : 1;
    }
  }

  /**
   * The one place the emulated line's slot map plugs in: read the slot file into slots and devices,
   * and run the page with them as this command does with simulated units.
   */
  private int printPinHash(PrintWriter out) throws Exception {
    char[] pin;
    if (System.console() != null) {
      pin = System.console().readPassword("engineer PIN or password: ");
    } else {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      pin = line == null ? new char[0] : line.strip().toCharArray();
    }
    if (pin == null || pin.length < 4) {
      throw new ParameterException(
          spec.commandLine(), "the engineer PIN must have at least 4 characters");
    }
    out.println("engineerPinHash: " + EngineerPin.hash(pin));
    java.util.Arrays.fill(pin, ' ');
    out.flush();
    return 0;
  }

  private static void reportAborted(PrintWriter out, List<AbortedRun> aborted) {
    for (AbortedRun run : aborted) {
      out.println(
          "  ABORTED unit "
              + run.unitNumber()
              + " slot "
              + run.slot()
              + " run "
              + run.runId()
              + ": the station stopped during its run; run it again");
    }
    out.flush();
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException unknown) {
      return "station";
    }
  }

  private SimulationSettings settings(Recipe recipe) {
    SimulationSettings.Builder builder;
    try {
      builder = SimulationSettings.fromMap(recipe.simulation()).toBuilder();
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
