package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.app.assembly.AssembledStation;
import io.shipready.app.assembly.StationAssembly;
import io.shipready.app.assembly.StationSetup;
import io.shipready.app.lines.LineProfiles;
import io.shipready.app.metrics.StationMetrics;
import io.shipready.app.route.RouteActions;
import io.shipready.backoffice.guard.AllowedHosts;
import io.shipready.backoffice.guard.HttpGuard;
import io.shipready.backoffice.guard.ServerLimits;
import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.EventListener;
import io.shipready.output.config.StationConfig;
import io.shipready.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A station run from its web page: the station (assembled like every other), the slots' tiles, the
 * shift figures, the operator's questions and the HTTP server, wired together. The station runs on
 * its own thread from {@link #start} until an engineer stops it from the page or {@link #stop} is
 * called.
 */
public final class StationPage implements AutoCloseable {
  /**
   * How the page is served and who uses it.
   *
   * @param allowedHosts host names the page answers to besides loopback and {@code bind}
   * @param limits body limits and timeouts of the page's server, and the engineer PIN's lockout
   */
  public record Settings(
      String defaultUser,
      EngineerPinCheck pins,
      String bind,
      int port,
      Duration pushPeriod,
      EventListener console,
      List<String> allowedHosts,
      ServerLimits limits) {
    public Settings {
      requireNonNull(pins, "pins");
      requireNonNull(bind, "bind");
      allowedHosts = List.copyOf(allowedHosts);
      requireNonNull(limits, "limits");
      requireNonNull(pushPeriod, "pushPeriod");
      console = console == null ? event -> {} : console;
      defaultUser = defaultUser == null ? "" : defaultUser;
    }
  }

  private static final Duration CLOSING_GRACE = Duration.ofMillis(300);

  private final AssembledStation assembled;
  private final Station station;
  private final StationUnits units;
  private final SseHub hub;
  private final StationServer server;
  private final ShiftFigures figures;
  private final StationMetrics metrics;
  private final CompletableFuture<StationReport> report = new CompletableFuture<>();

  private StationPage(
      AssembledStation assembled, PromptQueue prompts, SseHub[] hubLater, Settings settings) {
    this.assembled = assembled;
    this.station = assembled.station();
    Recipe recipe = assembled.recipe();
    List<String> slots = assembled.slots();
    SlotBoard board =
        new SlotBoard(slots, recipe.runSteps().size(), prompts, slot -> hubLater[0].changed(slot));
    figures = new ShiftFigures();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("station", assembled.stationId());
    info.put("recipe", recipe.name());
    info.put("recipeVersion", recipe.version());
    info.put("slots", slots.size());
    info.put("simulated", assembled.simulated());
    info.put("defaultUser", settings.defaultUser());
    info.put("engineerPin", settings.pins().configured());
    hub = new SseHub(board, figures, () -> info, settings.pushPeriod());
    hubLater[0] = hub;

    // The engine gives every event to the record first; the page hears it after.
    metrics = new StationMetrics(assembled.stationId(), figures::firstPassYield);
    assembled.recordWriter().ifPresent(metrics::watching);
    assembled.listen(board);
    assembled.listen(figures);
    assembled.listen(metrics);
    assembled.listen(settings.console());
    Store store =
        assembled
            .store()
            .orElseThrow(() -> new IllegalArgumentException("a station page keeps records"));
    metrics.countingUploads(store.uploadReceipts());
    units =
        new StationUnits(
            slots,
            assembled.batchSize(),
            (number, slot) -> {
              try {
                return assembled.attach(number, slot);
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new StationUnits.Refused("slot " + slot + ": interrupted while attaching");
              }
            });
    StationControl control =
        new StationControl(
            station,
            units,
            prompts,
            new ActionLog(store, assembled.stationId(), Clock.systemUTC()),
            settings.pins(),
            settings.limits().pinAttempts(),
            this::stop);
    Path lineFolder = recipe.baseDir();
    if (Files.isRegularFile(lineFolder.resolve(LineProfiles.FILE_NAME))) {
      control.routes(
          new StationControl.StationRoutes(
              new RouteActions(store, lineFolder.getParent(), Clock.systemUTC()),
              LineProfiles.read(lineFolder).name(),
              assembled.config().map(StationConfig::outputFolder).orElse(null)));
    }
    try {
      server =
          StationServer.start(
              control,
              hub,
              metrics::scrape,
              recipe.baseDir(),
              settings.bind(),
              settings.port(),
              HttpGuard.of(
                  settings.limits(),
                  AllowedHosts.loopbackAnd(settings.bind(), settings.allowedHosts())));
    } catch (RuntimeException cannotServe) {
      hub.close();
      throw cannotServe;
    }
  }

  /**
   * Assembles the station the setup describes, with this page as its operator, and starts the
   * server and the station; the station runs until stopped. Closing the page closes the station.
   */
  public static StationPage start(StationSetup.Builder setup, Settings settings) throws Exception {
    SseHub[] hubLater = new SseHub[1];
    // The hub needs the board and the board tells the hub: the hub is set before any event flows.
    PromptQueue prompts = new PromptQueue(slot -> hubLater[0].changed(slot));
    AssembledStation assembled = StationAssembly.assemble(setup.prompter(prompts).build());
    StationPage page;
    try {
      page = new StationPage(assembled, prompts, hubLater, settings);
    } catch (RuntimeException | Error failed) {
      assembled.close();
      throw failed;
    }
    return page.run();
  }

  /** The station behind the page. */
  public AssembledStation station() {
    return assembled;
  }

  private StationPage run() {
    StationPage page = this;
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

  /** Stops the station (if still running) and the server, then closes the station's records. */
  @Override
  public void close() throws Exception {
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
    assembled.close();
  }
}
