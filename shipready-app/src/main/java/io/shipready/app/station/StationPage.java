package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.engine.AttachedUnit;
import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.EventBus;
import io.shipready.core.event.EventListener;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.image.FileImageLibrary;
import io.shipready.store.RecordWriter;
import io.shipready.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * A station run from its web page: the engine, the slots' tiles, the shift figures, the operator's
 * questions and the HTTP server, wired together. The station runs on its own thread from {@link
 * #start} until an engineer stops it from the page or {@link #stop} is called.
 */
public final class StationPage implements AutoCloseable {
  /** What a station page needs; {@code units} makes unit number n for a slot. */
  public record Settings(
      Recipe recipe,
      String stationId,
      List<String> slots,
      int batch,
      BiFunction<Integer, String, AttachedUnit> units,
      Store store,
      RecordWriter records,
      String defaultUser,
      EngineerPinCheck pins,
      String bind,
      int port,
      Duration pushPeriod,
      boolean simulated,
      EventListener console) {
    public Settings {
      requireNonNull(recipe, "recipe");
      requireNonNull(stationId, "stationId");
      slots = List.copyOf(slots);
      requireNonNull(units, "units");
      requireNonNull(store, "store");
      requireNonNull(records, "records");
      requireNonNull(pins, "pins");
      requireNonNull(bind, "bind");
      requireNonNull(pushPeriod, "pushPeriod");
      console = console == null ? event -> {} : console;
      defaultUser = defaultUser == null ? "" : defaultUser;
    }
  }

  private static final Duration CLOSING_GRACE = Duration.ofMillis(300);

  private final Station station;
  private final StationUnits units;
  private final SseHub hub;
  private final StationServer server;
  private final ShiftFigures figures;
  private final CompletableFuture<StationReport> report = new CompletableFuture<>();

  private StationPage(Settings settings) {
    SseHub[] hubLater = new SseHub[1];
    // The hub needs the board and the board tells the hub: the hub is set before any event flows.
    PromptQueue prompts = new PromptQueue(slot -> hubLater[0].changed(slot));
    SlotBoard board =
        new SlotBoard(
            settings.slots(),
            settings.recipe().runSteps().size(),
            prompts,
            slot -> hubLater[0].changed(slot));
    figures = new ShiftFigures();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("station", settings.stationId());
    info.put("recipe", settings.recipe().name());
    info.put("recipeVersion", settings.recipe().version());
    info.put("slots", settings.slots().size());
    info.put("simulated", settings.simulated());
    info.put("defaultUser", settings.defaultUser());
    info.put("engineerPin", settings.pins().configured());
    hub = new SseHub(board, figures, () -> info, settings.pushPeriod());
    hubLater[0] = hub;

    EventBus events = new EventBus();
    // The record first: the page must never learn of an event the record has not been given.
    events.subscribe(settings.records());
    events.subscribe(board);
    events.subscribe(figures);
    events.subscribe(settings.console());
    units = new StationUnits(settings.slots(), settings.batch(), settings.units());
    station =
        Station.builder(settings.recipe(), StandardSteps.library())
            .slots(settings.slots())
            .events(events)
            .records(settings.records())
            .images(new FileImageLibrary(settings.recipe().baseDir()))
            .prompter(prompts)
            .build();
    StationControl control =
        new StationControl(
            station,
            units,
            prompts,
            new ActionLog(settings.store(), settings.stationId(), Clock.systemUTC()),
            settings.pins(),
            this::stop);
    try {
      server =
          StationServer.start(
              control, hub, settings.recipe().baseDir(), settings.bind(), settings.port());
    } catch (RuntimeException cannotServe) {
      hub.close();
      throw cannotServe;
    }
  }

  /** Starts the server and the station; the station runs until stopped. */
  public static StationPage start(Settings settings) {
    StationPage page = new StationPage(settings);
    Thread runner =
        new Thread(
            () -> {
              try {
                page.report.complete(page.station.run(page.units));
              } catch (RuntimeException | Error broken) {
                page.report.completeExceptionally(broken);
              }
            },
            "station");
    runner.setDaemon(true);
    runner.start();
    return page;
  }

  public int port() {
    return server.port();
  }

  public ShiftFigures figures() {
    return figures;
  }

  public SseHub hub() {
    return hub;
  }

  /** Aborts the runs in progress and takes no more units; {@link #report} then completes. */
  public void stop(String reason) {
    units.close();
    station.stop(reason);
  }

  /** Completes when the station has stopped and its slots are done. */
  public CompletableFuture<StationReport> report() {
    return report;
  }

  /** Stops the station (if still running) and the server. */
  @Override
  public void close() {
    if (!report.isDone()) {
      stop("station page closed");
      report.join();
    }
    // The last changes (the aborted tiles) and the answer to the stop still reach the pages.
    hub.flush();
    try {
      Thread.sleep(CLOSING_GRACE.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    hub.close();
    server.close();
  }
}
