package io.shipready.app.route;

import static java.util.Objects.requireNonNull;

import io.shipready.app.lines.LineProfile;
import io.shipready.app.lines.LineProfile.LineStation;
import io.shipready.app.lines.LineProfiles;
import io.shipready.core.ShipreadyException;
import io.shipready.store.RouteEvent;
import io.shipready.store.RouteHistory;
import io.shipready.store.Store;
import io.shipready.store.UnitTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What people do to a unit's route, from the {@code shipready unit} commands and the station's page
 * alike: look at it, let it into a station (override), send it to rework, record its repair, scrap
 * it. Each is recorded with who and when before this returns, and each answers with one line saying
 * what was recorded.
 */
public final class RouteActions {
  /** The provisioning queue's files start so; a scrapped unit's rows in them are withdrawn. */
  static final String QUEUE_FILE_PREFIX = "provisioning-queue";

  private final Store store;
  private final Path linesRoot;
  private final Clock clock;

  /**
   * @param linesRoot the folder of the line profiles, where a unit's line is found by the recipes
   *     its runs used
   */
  public RouteActions(Store store, Path linesRoot, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.linesRoot = requireNonNull(linesRoot, "linesRoot");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The unit, by any identifier, with its route. */
  public RouteHistory history(String unit) {
    UnitTrace trace = store.trace(required(unit, "unit", "the unit's serial or another id"));
    return store.routeHistory(trace.unitId());
  }

  /**
   * The unit's line: the one named, else the line whose stations ran most of the unit's runs.
   *
   * @param lineName a line's name (its {@code line:}) or folder name; null to find it
   */
  public LineRoute lineOf(RouteHistory history, String lineName) {
    List<LineProfile> lines = LineProfiles.all(linesRoot);
    if (lineName != null && !lineName.isBlank()) {
      return new LineRoute(
          lines.stream()
              .filter(
                  l ->
                      l.name().equals(lineName)
                          || l.folder().getFileName().toString().equals(lineName))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ShipreadyException(
                          "no line '"
                              + lineName
                              + "' in "
                              + linesRoot
                              + "; the lines: "
                              + lines.stream().map(LineProfile::name).toList())));
    }
    Optional<LineProfile> best =
        lines.stream()
            .filter(l -> ranOn(history, l) > 0)
            .max(Comparator.comparingLong(l -> ranOn(history, l)));
    return new LineRoute(
        best.orElseThrow(
            () ->
                new ShipreadyException(
                    "unit "
                        + history.name()
                        + " ran no recipe of the lines in "
                        + linesRoot
                        + "; name its line with --line")));
  }

  private static long ranOn(RouteHistory history, LineProfile line) {
    return history.runs().stream()
        .filter(v -> line.stations().stream().anyMatch(s -> s.recipeName().equals(v.recipe())))
        .count();
  }

  /** Where the unit stands at each station of its line, one line each. */
  public List<String> describe(RouteHistory history, LineRoute route) {
    List<String> lines = new ArrayList<>();
    lines.add("unit " + history.name() + " on line " + route.line().name());
    for (LineStation station : route.line().stations()) {
      List<RouteHistory.Visit> runs = route.countingRuns(history, station);
      String state =
          route.passed(history, station)
              ? "passed"
              : route.refusal(history, station).map(why -> "refused: " + why).orElse("may enter");
      lines.add(
          "  "
              + station.name()
              + ": "
              + runs.size()
              + (runs.size() == 1 ? " run " : " runs ")
              + runs.stream().map(v -> v.outcome().isEmpty() ? "OPEN" : v.outcome()).toList()
              + (station.retests().isPresent()
                  ? ", retests allowed " + station.retests().getAsInt()
                  : "")
              + "; "
              + state);
    }
    for (RouteEvent event : history.events()) {
      lines.add(
          "  "
              + event.at()
              + " "
              + event.kind()
              + (event.station().isEmpty() ? "" : " " + event.station())
              + " by "
              + event.user()
              + ": "
              + event.reason()
              + (event.action().isEmpty() ? "" : "; action: " + event.action())
              + (event.parts().isEmpty() ? "" : "; parts: " + String.join(", ", event.parts())));
    }
    return lines;
  }

  /** Lets the unit into the station once, although the route refuses it there. */
  public String override(String unit, String line, String station, String by, String reason) {
    RouteHistory history = history(unit);
    LineRoute route = lineOf(history, line);
    LineStation at = station(route, station);
    LineRoute.offTheLine(history)
        .ifPresent(
            why -> {
              throw new ShipreadyException("cannot override: " + why);
            });
    store.recordRouteEvent(
        history.unitId(),
        RouteEvent.override(clock.instant(), at.name(), who(by), required(reason, "reason", "why")),
        List.of());
    return "recorded: " + who(by) + " lets unit " + history.name() + " into " + at.name() + " once";
  }

  /**
   * Sends the unit to rework; the symptom defaults to its last failure.
   *
   * @param station where it failed; null for the station of its last failed run
   */
  public String rework(String unit, String line, String station, String by, String symptom) {
    RouteHistory history = history(unit);
    LineRoute.offTheLine(history)
        .ifPresent(
            why -> {
              throw new ShipreadyException("cannot send to rework: " + why);
            });
    Optional<RouteHistory.Visit> lastFailure =
        history.runs().stream()
            .filter(v -> !v.passed() && !v.outcome().isEmpty())
            .reduce((a, b) -> b);
    LineRoute route = lineOf(history, line);
    String at =
        station != null && !station.isBlank()
            ? station(route, station).name()
            : lastFailure
                .flatMap(
                    v ->
                        route.line().stations().stream()
                            .filter(s -> s.recipeName().equals(v.recipe()))
                            .findFirst())
                .map(LineStation::name)
                .orElse("");
    String why =
        symptom != null && !symptom.isBlank()
            ? symptom.strip()
            : lastFailure
                .map(v -> v.failedStep() + ": " + v.message())
                .orElseThrow(
                    () ->
                        new ShipreadyException(
                            "unit "
                                + history.name()
                                + " has no failed run; say the symptom with"
                                + " --symptom"));
    store.recordRouteEvent(
        history.unitId(), RouteEvent.rework(clock.instant(), at, who(by), why), List.of());
    return "recorded: unit " + history.name() + " is in rework (symptom: " + why + ")";
  }

  /**
   * Records the repair; the unit re-enters the line at {@code reEntry}, and the labels its runs
   * there and later printed are VOID (it is labelled again).
   */
  public String repair(
      String unit,
      String line,
      String by,
      String symptom,
      String action,
      List<String> parts,
      String reEntry) {
    RouteHistory history = history(unit);
    LineRoute route = lineOf(history, line);
    if (history.scrapped().isPresent()) {
      throw new ShipreadyException(LineRoute.offTheLine(history).orElseThrow());
    }
    if (!history.inRework()) {
      throw new ShipreadyException(
          "unit "
              + history.name()
              + " is not in rework; send it there first: shipready unit rework "
              + history.name()
              + " --symptom TEXT");
    }
    LineStation at = station(route, required(reEntry, "re-entry", "the station it goes back to"));
    int voided =
        store.recordRouteEvent(
            history.unitId(),
            RouteEvent.repair(
                clock.instant(),
                at.name(),
                who(by),
                required(symptom, "symptom", "what was wrong"),
                required(action, "action", "what was done"),
                parts == null ? List.of() : parts.stream().map(String::strip).toList()),
            route.recipesFrom(at));
    return "recorded: unit "
        + history.name()
        + " repaired, re-enters at "
        + at.name()
        + (voided == 0 ? "" : "; " + voided + " of its labels VOID");
  }

  /**
   * Scraps the unit: every station refuses it from now on, its labels are VOID, and its rows in the
   * provisioning queues in {@code queueFolder} are withdrawn ({@code <queue file>.withdrawn} lists
   * them, for the back office to leave out).
   *
   * @param queueFolder the station's output folder; null when no queue is to be withdrawn from
   */
  public String scrap(String unit, String by, String reason, Path queueFolder) throws IOException {
    UnitTrace trace = store.trace(required(unit, "unit", "the unit's serial or another id"));
    RouteHistory history = store.routeHistory(trace.unitId());
    if (history.scrapped().isPresent()) {
      throw new ShipreadyException(LineRoute.offTheLine(history).orElseThrow());
    }
    int voided =
        store.recordRouteEvent(
            history.unitId(),
            RouteEvent.scrap(clock.instant(), who(by), required(reason, "reason", "why")),
            null);
    List<String> withdrawn = new ArrayList<>();
    List<String> notFound = new ArrayList<>();
    for (UnitTrace.FactoryFileRow row : trace.factoryFileRows()) {
      if (!row.fileName().startsWith(QUEUE_FILE_PREFIX)) {
        continue;
      }
      Path queue = queueFolder == null ? null : queueFolder.resolve(row.fileName());
      if (queue == null || !Files.isRegularFile(queue)) {
        notFound.add(row.fileName());
        continue;
      }
      Path list = queue.resolveSibling(row.fileName() + ".withdrawn");
      Files.writeString(
          list,
          row.row() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      withdrawn.add(list.toString());
    }
    return "recorded: unit "
        + history.name()
        + " scrapped; "
        + voided
        + (voided == 1 ? " label" : " labels")
        + " VOID"
        + (withdrawn.isEmpty() ? "" : "; withdrawn from the provisioning queue in " + withdrawn)
        + (notFound.isEmpty()
            ? ""
            : "; its provisioning queue row is in "
                + notFound.stream().distinct().collect(Collectors.joining(", "))
                + ", not found"
                + (queueFolder == null ? "" : " in " + queueFolder)
                + ": give the station's output folder (--files DIR) to withdraw it");
  }

  private static LineStation station(LineRoute route, String name) {
    return route
        .line()
        .station(required(name, "station", "a station of the line"))
        .orElseThrow(
            () ->
                new ShipreadyException(
                    "line "
                        + route.line().name()
                        + " has no station '"
                        + name
                        + "'; its stations: "
                        + route.line().stations().stream().map(LineStation::name).toList()));
  }

  private static String who(String by) {
    return by == null || by.isBlank() ? System.getProperty("user.name", "") : by.strip();
  }

  private static String required(String value, String field, String meaning) {
    if (value == null || value.isBlank()) {
      throw new ShipreadyException("'" + field + "' is empty; give " + meaning);
    }
    return value.strip();
  }
}
