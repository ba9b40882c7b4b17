package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shipready.app.assembly.AssembledStation;
import io.shipready.app.assembly.StationAssembly;
import io.shipready.app.assembly.StationSetup;
import io.shipready.app.assembly.UnitSupply;
import io.shipready.app.console.ConsoleReporter;
import io.shipready.app.console.RunSummary;
import io.shipready.app.console.SlotTable;
import io.shipready.app.console.SlotsOutOfService;
import io.shipready.app.console.TerminalPrompter;
import io.shipready.app.simulate.AutoAnswerPrompter;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.Outcome;
import io.shipready.output.station.RowsSettled;
import io.shipready.store.AbortedRun;
import io.shipready.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
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
      "Exit code 0 when the batch ran and every run is recorded, whatever the units' outcomes"
          + " (the summary counts PASS, FAIL and ERROR; a batch where every unit ended ERROR is"
          + " also named on standard error); 1 when the station could not run (a recipe, a file"
          + " it names, the config or the slots refused at start, or every slot out of service"
          + " before any unit ran) or a run's record could not be stored (NOT RECORDED); 2 on"
          + " bad usage."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StationOptions options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  UnitSourceOptions unitSource;

  @Option(
      names = "--units",
      paramLabel = "N",
      description = "With --slots-file: how many units to run (default: one per slot).")
  Integer units;

  @Option(
      names = "--serial-prefix",
      paramLabel = "TEXT",
      description =
          "With --slots-file: the start of the serial a unit without its own is given (default:"
              + " from the time).")
  String serialPrefix;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "With --simulate: slots to run at once (default: the recipe's station.slots).")
  Integer slots;

  @Option(names = "--json", description = "Print only a JSON summary on standard output.")
  boolean json;

  @Option(
      names = "--lines",
      description = "A line per event even on a terminal (instead of the redrawn slot table).")
  boolean lines;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    StationSetup setup =
        options
            .setup()
            .units(unitSupply())
            .prompter(
                unitSource.slotsFile != null
                    ? new TerminalPrompter(
                        new BufferedReader(
                            new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                        out)
                    : new AutoAnswerPrompter())
            .build();
    try (AssembledStation assembled = StationAssembly.assemble(setup)) {
      reportAborted(out, assembled.abortedAtStart());
      StationReport report;
      SlotsOutOfService outOfService = new SlotsOutOfService();
      assembled.listen(outOfService);
      try (AutoCloseable display = display(assembled, out)) {
        report = assembled.run(assembled.batch());
      }
      RunSummary summary =
          new RunSummary(
              assembled.recipe().name(),
              assembled.slots().size(),
              report,
              assembled.faults(),
              assembled.simulated());
      if (json) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(summary.asData()));
      } else {
        summary.print(out);
        assembled
            .stationPackage()
            .ifPresent(
                used ->
                    out.println(
                        "  package: "
                            + used.name()
                            + " "
                            + used.version()
                            + " manifest sha256 "
                            + used.manifestSha256()));
        printRows(out, assembled.rowsSettled());
        out.println("  records: " + assembled.store().map(Store::describe).orElse("(none)"));
      }
      out.flush();
      if (outOfService.stoppedTheStation(report)) {
        outOfService.print(spec.commandLine().getErr());
        return 1;
      }
      return exitCode(report, spec.commandLine().getErr());
    }
  }

  /**
   * 0 when the batch ran, whatever the units' outcomes: FAIL and ERROR are the batch's results,
   * counted in the summary and kept in the records. A station that could not run at all is 1, and a
   * batch where every unit ended ERROR, which points at the station rather than the units, is named
   * on standard error so a script's log shows it.
   */
  static int exitCode(StationReport report, PrintWriter err) {
    if (!report.stationError().isEmpty() || someNotRecorded(report, err)) {
      return 1;
    }
    boolean allOutOfService =
        !report.slots().isEmpty()
            && report.slots().values().stream().allMatch(state -> state == SlotState.ERROR);
    if (report.runs().isEmpty() && allOutOfService) {
      err.println(
          "shipready: no unit ran: every slot went out of service (the reasons are above); fix"
              + " the station and run again");
      err.flush();
      return 1;
    }
    long errors = report.count(Outcome.ERROR);
    if (errors > 0 && errors == report.runs().size()) {
      err.println(
          "shipready: every unit ("
              + errors
              + ") ended ERROR: the station could not do its steps on any of them, which points"
              + " at the station (a tool, fixture or file), not the units; see the errors above");
      err.flush();
    }
    return 0;
  }

  /**
   * Whether some run's record could not be stored, named on standard error: the batch's outcomes
   * cannot all be trusted, so the command fails whatever the units did.
   */
  static boolean someNotRecorded(StationReport report, PrintWriter err) {
    long notRecorded = report.notRecorded();
    if (notRecorded == 0) {
      return false;
    }
    err.println(
        "shipready: "
            + notRecorded
            + " of "
            + report.runs().size()
            + " units are NOT RECORDED: their records could not be stored (the reasons are"
            + " above); fix the store and run those units again");
    err.flush();
    return true;
  }

  private UnitSupply unitSupply() throws InterruptedException {
    var commandLine = spec.commandLine();
    if (unitSource.slotsFile != null) {
      if (slots != null) {
        throw new ParameterException(
            commandLine, "with --slots-file the slot map says the slots; leave out --slots");
      }
      if (units != null && units < 1) {
        throw new ParameterException(commandLine, "--units must be at least 1");
      }
      return new UnitSupply.SlotsFile(
          unitSource.slotsFileWhenWritten(spec.commandLine().getErr()), units, serialPrefix);
    }
    if (units != null || serialPrefix != null) {
      throw new ParameterException(
          commandLine,
          "--units and --serial-prefix go with --slots-file; --simulate N says how many");
    }
    if (unitSource.simulate < 1 || (slots != null && slots < 1)) {
      throw new ParameterException(commandLine, "--simulate and --slots must be at least 1");
    }
    try {
      return new UnitSupply.Simulated(
          unitSource.simulate, slots, options.simulation().choice(), 0, false);
    } catch (IllegalArgumentException bad) {
      throw new ParameterException(commandLine, bad.getMessage());
    }
  }

  /**
   * The live view: a redrawn slot table on a terminal, a line per event otherwise, none for JSON.
   */
  private AutoCloseable display(AssembledStation assembled, PrintWriter out) {
    if (json) {
      return () -> {};
    }
    boolean terminal = System.console() != null && !lines;
    var listener =
        terminal
            ? new SlotTable(out, assembled.recipe().runSteps().size())
            : new ConsoleReporter(out);
    assembled.listen(listener);
    return listener;
  }

  /** The factory-file rows, and each one held back because its unit's day file has one. */
  static void printRows(PrintWriter out, RowsSettled rows) {
    if (rows.isEmpty()) {
      return;
    }
    out.println(
        "  factory-file rows: "
            + rows.written()
            + " written, "
            + rows.held()
            + " held (retested unit already in the day's file), "
            + rows.dropped()
            + " dropped (no stored PASS)");
    rows.heldRows().forEach(note -> out.println("    held: " + note));
  }

  static void reportAborted(PrintWriter out, List<AbortedRun> aborted) {
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
}
