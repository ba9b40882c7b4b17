package io.shipready.app.cli;

import io.shipready.app.assembly.AssembledStation;
import io.shipready.app.assembly.StationSetup;
import io.shipready.app.assembly.UnitSupply;
import io.shipready.app.console.ConsoleReporter;
import io.shipready.app.console.RunSummary;
import io.shipready.app.console.SlotsOutOfService;
import io.shipready.app.station.EngineerPinCheck;
import io.shipready.app.station.StationPage;
import io.shipready.backoffice.guard.ServerLimits;
import io.shipready.core.engine.StationReport;
import io.shipready.output.config.EngineerPin;
import io.shipready.output.config.StationConfigReader;
import io.shipready.store.AbortedRun;
import io.shipready.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
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
          + " stop per slot; the shift's yield, units per hour, failure Pareto and"
          + " measurement histograms.",
      "The page is at http://127.0.0.1:PORT/ (only this computer, unless --bind says otherwise)."
          + " The station runs until it is stopped from the page, or Ctrl-C.",
      "Engineer actions need the PIN from $SHIPREADY_ENGINEER_PIN or the station config's"
          + " engineerPinHash (made with --hash-pin); without a PIN, the operator stops runs and"
          + " the station.",
      "Ctrl-C stops the station as a stop from the page does: the runs in progress end ABORTED"
          + " and the summary is printed. Exit code 0 after a stop, 1 when the station could not"
          + " run, 2 on bad usage."
    })
public final class StationCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 8470;

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StationOptions options;

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
      names = "--allow-host",
      paramLabel = "NAME",
      description =
          "A host name (or address) the page may be opened by, besides localhost and --bind;"
              + " repeat for more. Requests naming any other host are refused (DNS rebinding).")
  List<String> allowedHosts = new ArrayList<>();

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  UnitSourceOptions unitSource;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "With --simulate: slots (default: the recipe's station.slots).")
  Integer slots;

  @Option(
      names = "--scan-at-station",
      description =
          "Simulated units' barcodes are scanned by the operator on the page instead of read by"
              + " the fixture.")
  boolean scanAtStation;

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
    if (unitSource == null) {
      throw new ParameterException(
          spec.commandLine(),
          "say where units come from: --simulate N for simulated units, or --slots-file FILE for"
              + " the devices a slot map names (one of them)");
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--ui must be a port from 0 to 65535");
    }
    String user = options.operator();
    // Only the PIN hash is needed before the station is assembled; the assembly reads the
    // configuration again with everything else in it.
    String pinHash =
        options.configFile() == null
            ? ""
            : StationConfigReader.read(options.configFile()).engineerPinHash();
    EngineerPinCheck pins =
        new EngineerPinCheck(System.getenv(EngineerPinCheck.ENVIRONMENT), pinHash);
    StationSetup.Builder setup = options.setup().units(unitSupply()).field("ui", "station page");
    ConsoleReporter console = lines ? new ConsoleReporter(out) : null;
    SlotsOutOfService outOfService = new SlotsOutOfService();
    StationReport report;
    String recipeName;
    int slotCount;
    boolean simulated;
    String records;
    try (StationPage page =
        StationPage.start(
            setup,
            new StationPage.Settings(
                user,
                pins,
                bind,
                port,
                Duration.ofMillis(100),
                event -> {
                  outOfService.on(event);
                  if (console != null) {
                    console.on(event);
                  }
                },
                allowedHosts,
                ServerLimits.fromSystemProperties()))) {
      AssembledStation assembled = page.station();
      reportAborted(out, assembled.abortedAtStart());
      recipeName = assembled.recipe().name();
      slotCount = assembled.slots().size();
      simulated = assembled.simulated();
      records = assembled.store().map(Store::describe).orElse("(none)");
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
              + assembled.stationId()
              + ": "
              + recipeName
              + " "
              + assembled.recipe().version()
              + " on "
              + slotCount
              + " slot(s); page at http://"
              + (bind.contains(":") ? "[" + bind + "]" : bind)
              + ":"
              + page.port()
              + "/");
      if (!pins.configured()) {
        out.println("  " + EngineerPinCheck.notConfigured());
      }
      out.flush();
      try (CtrlC ctrlC =
          CtrlC.stops("the station", out, () -> page.stop("station stopped (Ctrl-C)"))) {
        report = page.report().join();
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
    new RunSummary(recipeName, slotCount, report, Map.of(), simulated).print(out);
    out.println("  records: " + records);
    out.flush();
    if (outOfService.stoppedTheStation(report)) {
      outOfService.print(spec.commandLine().getErr());
      return 1;
    }
    boolean notRecorded = RunCommand.someNotRecorded(report, spec.commandLine().getErr());
    return report.stationError().isEmpty() && !notRecorded ? 0 : 1;
  }

  private UnitSupply unitSupply() throws InterruptedException {
    if (unitSource.slotsFile != null) {
      if (slots != null || scanAtStation) {
        throw new ParameterException(
            spec.commandLine(),
            "--slots and --scan-at-station go with --simulate; a slot map says its own slots");
      }
      // Start and Retest attach the slot's unit again, as many times as the page asks.
      return new UnitSupply.SlotsFile(
          unitSource.slotsFileWhenWritten(spec.commandLine().getErr()), null, null);
    }
    if (unitSource.simulate < 0 || (slots != null && slots < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--simulate must be 0 or more and --slots at least 1");
    }
    try {
      // Faults are planned for more units than the batch: the page may start more.
      return new UnitSupply.Simulated(
          unitSource.simulate, slots, options.simulation().choice(), 10_000, scanAtStation);
    } catch (IllegalArgumentException bad) {
      throw new ParameterException(spec.commandLine(), bad.getMessage());
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
}
