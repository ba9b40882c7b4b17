package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shipready.app.console.ConsoleReporter;
import io.shipready.app.console.RunSummary;
import io.shipready.app.console.SlotTable;
import io.shipready.app.simulate.AutoAnswerPrompter;
import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.EventBus;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.emulated.ProbeUnits;
import io.shipready.device.emulated.SlotMap;
import io.shipready.device.image.FileImageLibrary;
import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationConfigReader;
import io.shipready.store.RecordWriter;
import io.shipready.store.StationInfo;
import io.shipready.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParameterException;

/**
 * {@code shipready run --slots-file}: the recipe on units reached through debug probes and consoles
 * (emulated or real), one slot per slot-map entry, recorded like any other run.
 */
final class ProbeRun implements Callable<Integer> {
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(10);

  private final RunCommand options;

  ProbeRun(RunCommand options) {
    this.options = options;
  }

  @Override
  public Integer call() throws Exception {
    var commandLine = options.spec.commandLine();
    SlotMap map = SlotMap.read(options.slotsFile);
    int count = options.units != null ? options.units : map.slots().size();
    if (count < 1) {
      throw new ParameterException(commandLine, "--units must be at least 1");
    }
    if (options.slots != null) {
      throw new ParameterException(
          commandLine, "with --slots-file the slot map says the slots; leave out --slots");
    }
    Recipe recipe =
        new RecipeParser(StandardSteps.library())
            .parse(options.recipeFile)
            .forVariant(options.variant);
    StationConfig config =
        options.configFile == null ? null : StationConfigReader.read(options.configFile);
    Map<String, String> stationFields = StationFields.of(recipe, map.slots().size(), false, config);
    stationFields.put("slots_file", options.slotsFile.getFileName().toString());
    String station =
        options.stationId != null
            ? options.stationId
            : recipe.station().name() + "@" + RunCommand.hostName();
    if (config != null) {
      station = options.stationId != null ? options.stationId : config.stationId();
    }
    String prefix =
        options.serialPrefix != null
            ? options.serialPrefix
            : "U" + Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase(Locale.ROOT);
    var out = commandLine.getOut();
    try (Store records = Store.open(options.store.url())) {
      RunCommand.reportAborted(
          out,
          records.closeOpenRuns(
              station, "the station stopped before the run ended (killed, crashed or lost power)"));
      StationReport report;
      try (RecordWriter writer =
              records.openWriter(
                  new StationInfo(
                      station,
                      RunCommand.hostName(),
                      options.operator != null
                          ? options.operator
                          : System.getProperty("user.name", ""),
                      stationFields));
          ProbeUnits units = new ProbeUnits(map, count, prefix, BOOT_TIMEOUT)) {
        report = runStation(recipe, map, units, writer, out);
      }
      RunSummary summary = new RunSummary(recipe.name(), map.slots().size(), report, Map.of());
      if (options.json) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(summary.asData()));
      } else {
        summary.print(out);
        out.println("  records: " + records.describe());
      }
      out.flush();
      return report.stationError().isEmpty() ? 0 : 1;
    }
  }

  private StationReport runStation(
      Recipe recipe, SlotMap map, ProbeUnits units, RecordWriter writer, java.io.PrintWriter out)
      throws Exception {
    EventBus events = new EventBus();
    // The record first: a display must never learn of an event the record has not been given.
    events.subscribe(writer);
    AutoCloseable console = null;
    if (!options.json) {
      boolean terminal = System.console() != null && !options.lines;
      var listener =
          terminal ? new SlotTable(out, recipe.runSteps().size()) : new ConsoleReporter(out);
      events.subscribe(listener);
      console = listener;
    }
    Station station =
        Station.builder(recipe, StandardSteps.library())
            .slots(map.slotNames())
            .events(events)
            .records(writer)
            .images(new FileImageLibrary(recipe.baseDir()))
            .prompter(new AutoAnswerPrompter())
            .build();
    Thread stopOnSignal = new Thread(() -> station.stop("station shut down (signal)"), "shutdown");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    try {
      return station.run(units);
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
}
