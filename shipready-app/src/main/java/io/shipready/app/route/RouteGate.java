package io.shipready.app.route;

import static java.util.Objects.requireNonNull;

import io.shipready.app.lines.LineProfile.LineStation;
import io.shipready.app.lines.LineProfiles;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.RouteCheck;
import io.shipready.store.RouteEvent;
import io.shipready.store.RouteHistory;
import io.shipready.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A station's gate on its line's route: refuses a unit that is scrapped, waiting for repair, has
 * not passed the stations this one comes after (unless an engineer let it in), or failed here more
 * often than the station's {@code retests} allow (it is then sent to rework with its symptom). A
 * station whose recipe is on no line ({@code station} null) still refuses scrapped units and units
 * in rework.
 */
public final class RouteGate implements RouteCheck {
  private final Store store;
  private final LineRoute route;
  private final LineStation station;
  private final String stationId;
  private final Clock clock;

  public RouteGate(
      Store store, LineRoute route, LineStation station, String stationId, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.route = route;
    this.station = station;
    this.stationId = requireNonNull(stationId, "stationId");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * The gate of the station running {@code recipeFile}: its line is the {@code line.yaml} in the
   * recipe's folder. A recipe without one (or one its line does not list) gets the gate that only
   * refuses scrapped units and units in rework.
   */
  public static RouteGate forRecipe(Store store, Path recipeFile, String stationId) {
    Path folder = recipeFile == null ? null : recipeFile.toAbsolutePath().getParent();
    if (folder == null || !Files.isRegularFile(folder.resolve(LineProfiles.FILE_NAME))) {
      return new RouteGate(store, null, null, stationId, Clock.systemUTC());
    }
    LineRoute route = new LineRoute(LineProfiles.read(folder));
    return new RouteGate(
        store,
        route,
        route.line().stationRunning(recipeFile).orElse(null),
        stationId,
        Clock.systemUTC());
  }

  @Override
  public Optional<String> refusal(List<Identifier> identifiers, String runId) {
    Optional<RouteHistory> found =
        identifiers.isEmpty() ? Optional.empty() : store.routeHistory(identifiers, runId);
    if (found.isEmpty()) {
      return neverSeen(identifiers);
    }
    RouteHistory history = found.get();
    if (station == null) {
      return LineRoute.offTheLine(history);
    }
    Optional<String> refused = route.refusal(history, station);
    if (refused.isPresent()) {
      return refused;
    }
    // An engineer's override lets the unit in once more, past its retests too.
    Optional<List<RouteHistory.Visit>> failures =
        route.openOverride(history, station).isPresent()
            ? Optional.empty()
            : route.pastRetestLimit(history, station);
    if (failures.isPresent()) {
      RouteHistory.Visit last = failures.get().get(failures.get().size() - 1);
      String symptom =
          last.failedStep().isEmpty() ? last.message() : last.failedStep() + ": " + last.message();
      store.recordRouteEvent(
          history.unitId(),
          RouteEvent.rework(clock.instant(), station.name(), "station " + stationId, symptom),
          List.of());
      return Optional.of(
          "unit "
              + history.name()
              + " failed "
              + failures.get().size()
              + " times at "
              + station.name()
              + ", more than its retests ("
              + station.retests().getAsInt()
              + ") allow; sent to rework with symptom '"
              + symptom
              + "'. Record its repair: shipready unit repair "
              + history.name()
              + " --symptom TEXT --action TEXT --re-entry STATION");
    }
    return Optional.empty();
  }

  /** A unit no run recorded may start the line, but not a station that needs earlier ones. */
  private Optional<String> neverSeen(List<Identifier> identifiers) {
    if (station == null || station.after().isEmpty()) {
      return Optional.empty();
    }
    String unit =
        identifiers.isEmpty()
            ? "the unit (not identified before its first step)"
            : "unit " + identifiers.get(0).value();
    return Optional.of(
        unit
            + " was never recorded on line "
            + route.line().name()
            + ", so it has not passed "
            + String.join(", ", station.after())
            + ", which "
            + (station.after().size() == 1 ? "comes" : "come")
            + " before "
            + station.name()
            + "; run it there first (with the same records, --db)");
  }
}
