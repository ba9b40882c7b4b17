package io.shipready.app.assembly;

import io.shipready.app.route.RouteGate;
import io.shipready.app.simulate.AutoAnswerPrompter;
import io.shipready.core.engine.Station;
import io.shipready.core.event.EventBus;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.spi.KnownUnits;
import io.shipready.core.spi.RecordSink;
import io.shipready.core.spi.RouteCheck;
import io.shipready.core.spi.StationOutputs;
import io.shipready.core.steps.StandardSteps;
import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationConfigReader;
import io.shipready.output.station.ConfiguredOutputs;
import io.shipready.store.AbortedRun;
import io.shipready.store.RecordWriter;
import io.shipready.store.StationInfo;
import io.shipready.store.StationPackage;
import io.shipready.store.Store;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The one place a station is put together: every command that runs units (run, station, demo,
 * bench) gives a {@link StationSetup} and gets the same station — the verified package, the recipe
 * and variant, the slots and their units, the configuration with its printer and factory files, the
 * records with the units they know, and the operator's side.
 *
 * <p>The order matters and is kept here once: anything that can refuse the station (a package
 * changed since approval, a bad recipe, a file the recipe names that is missing or not the approved
 * one, a config with CHANGE_ME, a slot map naming a missing tool) does so before the records are
 * opened, and nothing is left open when a later part fails.
 */
public final class StationAssembly {
  static final String ABORTED_AT_START =
      "the station stopped before the run ended (killed, crashed or lost power)";

  private StationAssembly() {}

  public static AssembledStation assemble(StationSetup setup) throws Exception {
    // An installed package that differs from what was approved stops here, before anything of it
    // is read or the records are opened.
    StationPackage stationPackage =
        setup.recipeFile == null
            ? null
            : StationPackageCheck.verify(
                setup.recipeFile, setup.trustFile, setup.allowUnsignedPackage);
    Recipe recipe =
        (setup.recipe != null
                ? setup.recipe
                : StationRecipes.parserFor(setup.units).parse(setup.recipeFile))
            .forVariant(setup.variant);
    // A missing image, template or hook, or an image that is not the one the recipe pins, stops
    // the station here rather than ending every unit in ERROR. The same library then serves the
    // steps, so each image is read once.
    ImageLibrary images = StationRecipes.images(recipe);
    StationRecipes.requireFiles(recipe, images);
    // A station config still holding CHANGE_ME stops here, before the records are even opened.
    StationConfig config =
        setup.configFile == null ? null : StationConfigReader.read(setup.configFile);
    if (config != null && setup.zone != null) {
      config = config.withZone(setup.zone);
    }
    StationOutputsFromConfig.requireConfigFor(recipe, config);

    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      StationSlots slots = slots(recipe, setup.units);
      opened.push(slots);
      String stationId =
          setup.stationId != null
              ? setup.stationId
              : config != null ? config.stationId() : recipe.station().name() + "@" + hostName();
      Map<String, String> fields =
          StationFields.of(recipe, slots.names().size(), slots.simulated(), config);
      fields.putAll(slots.fields());
      fields.putAll(setup.fields);

      Store store = null;
      RecordSink records = RecordSink.NONE;
      RecordWriter writer = null;
      KnownUnits knownUnits = KnownUnits.NONE;
      RouteCheck route = RouteCheck.NONE;
      List<AbortedRun> aborted = List.of();
      if (setup.storeUrl != null) {
        store = Store.open(setup.storeUrl);
        opened.push(store);
      }
      // CFX messages are written with the records; the publisher closes after the records
      // writer, so it publishes everything the writer stored last.
      String cfxHandle = CfxPublishing.start(config, store, opened);
      if (store != null) {
        aborted = store.closeOpenRuns(stationId, ABORTED_AT_START, cfxHandle);
        writer =
            store.openWriter(
                new StationInfo(
                    stationId,
                    hostName(),
                    setup.operator != null ? setup.operator : System.getProperty("user.name", ""),
                    fields,
                    stationPackage),
                cfxHandle);
        opened.push(writer);
        records = writer;
        knownUnits = store.knownUnits();
        // The line's route (line.yaml beside the recipe) gates every unit this station takes.
        route = RouteGate.forRecipe(store, setup.recipeFile, stationId);
      }
      EventBus listeners = new EventBus();
      StationOutputs outputs = StationOutputs.NONE;
      ConfiguredOutputs configured = StationOutputsFromConfig.open(config, setup.configFile);
      if (configured != null) {
        opened.push(configured);
        // The station's files hear each event right after the record, before any display.
        listeners.subscribe(configured);
        outputs = configured;
        if (store != null) {
          // After the open runs were closed: rows they queued have no stored PASS and are dropped.
          configured.settleWith(store.factoryRows());
        }
      }
      Station station =
          Station.builder(recipe, StandardSteps.library())
              .slots(slots.names())
              .events(listeners)
              .records(records)
              .images(images)
              .prompter(setup.prompter != null ? setup.prompter : new AutoAnswerPrompter())
              .outputs(outputs)
              .knownUnits(knownUnits)
              .route(route)
              .build();
      return new AssembledStation(
          recipe,
          stationId,
          station,
          slots,
          setup.units,
          listeners,
          store,
          writer,
          configured,
          config,
          stationPackage,
          aborted,
          opened);
    } catch (Exception | Error failed) {
      while (!opened.isEmpty()) {
        try {
          opened.pop().close();
        } catch (Exception closing) {
          failed.addSuppressed(closing);
        }
      }
      throw failed;
    }
  }

  private static StationSlots slots(Recipe recipe, UnitSupply supply) {
    if (supply instanceof UnitSupply.Simulated simulated) {
      return new SimulatedSlots(recipe, simulated);
    }
    if (supply instanceof UnitSupply.SlotsFile file) {
      return new SlotMapSlots(recipe, file);
    }
    return new GivenSlots((UnitSupply.Given) supply);
  }

  /** This computer's name, for station ids and records. */
  public static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException unknown) {
      return "station";
    }
  }
}
