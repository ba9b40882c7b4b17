package io.shipready.app.route;

import static java.util.Objects.requireNonNull;

import io.shipready.app.lines.LineProfile;
import io.shipready.app.lines.LineProfile.LineStation;
import io.shipready.store.RouteEvent;
import io.shipready.store.RouteHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a line's route, read against a unit's history: which runs still count after a
 * repair, whether the unit passed a station, whether it used up its retests, and what keeps it out
 * of a station. Nothing here writes; {@link RouteGate} and the {@code unit} commands do.
 */
public final class LineRoute {
  /** The step a run refused by the route ends at, in its record (the engine's name for it). */
  public static final String REFUSED_STEP = "route";

  private final LineProfile line;

  public LineRoute(LineProfile line) {
    this.line = requireNonNull(line, "line");
  }

  public LineProfile line() {
    return line;
  }

  /**
   * The runs at the station that still count: after a repair that re-enters the unit at this
   * station or an earlier one, only the runs since that repair (the unit goes through again).
   */
  public List<RouteHistory.Visit> countingRuns(RouteHistory history, LineStation station) {
    Optional<RouteEvent> repair = lastRepair(history);
    List<RouteHistory.Visit> runs = history.runsOf(station.recipeName());
    if (repair.isEmpty()) {
      return runs;
    }
    int reEntry = line.station(repair.get().station()).map(line::position).orElse(0);
    if (line.position(station) < reEntry) {
      return runs;
    }
    return runs.stream().filter(v -> v.started().isAfter(repair.get().at())).toList();
  }

  public boolean passed(RouteHistory history, LineStation station) {
    return countingRuns(history, station).stream().anyMatch(RouteHistory.Visit::passed);
  }

  /**
   * The failing runs at the station since it last passed there, when they are more than its {@code
   * retests} allow; empty while the unit may be tested again.
   */
  public Optional<List<RouteHistory.Visit>> pastRetestLimit(
      RouteHistory history, LineStation station) {
    if (station.retests().isEmpty()) {
      return Optional.empty();
    }
    List<RouteHistory.Visit> failures = new ArrayList<>();
    for (RouteHistory.Visit run : countingRuns(history, station)) {
      if (run.passed()) {
        failures.clear();
      } else if (run.outcome().equals("FAIL") || run.outcome().equals("ERROR")) {
        failures.add(run);
      }
    }
    return failures.size() > station.retests().getAsInt()
        ? Optional.of(failures)
        : Optional.empty();
  }

  /** The earlier stations the unit must pass before this one and has not (still counting). */
  public List<LineStation> missing(RouteHistory history, LineStation station) {
    return station.after().stream()
        .map(name -> line.station(name).orElseThrow())
        .filter(required -> !passed(history, required))
        .toList();
  }

  /** An override for this station not used up yet by a run there since it was given. */
  public Optional<RouteEvent> openOverride(RouteHistory history, LineStation station) {
    Optional<RouteEvent> override =
        history.events().stream()
            .filter(e -> e.kind() == RouteEvent.Kind.OVERRIDE)
            .filter(e -> e.station().equals(station.name()))
            .reduce((first, second) -> second);
    if (override.isEmpty()
        || history.runsOf(station.recipeName()).stream()
            .anyMatch(v -> v.started().isAfter(override.get().at()))) {
      return Optional.empty();
    }
    return override;
  }

  /**
   * The recipes of the station and every later one: a unit repaired to re-enter there redoes them.
   */
  public Set<String> recipesFrom(LineStation reEntry) {
    return line.stations().subList(line.position(reEntry), line.stations().size()).stream()
        .map(LineStation::recipeName)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** Why the unit may not enter the station, not counting its retests; empty when it may. */
  public Optional<String> refusal(RouteHistory history, LineStation station) {
    Optional<String> off = offTheLine(history);
    if (off.isPresent()) {
      return off;
    }
    List<LineStation> missing = missing(history, station);
    if (missing.isEmpty() || openOverride(history, station).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "unit "
            + history.name()
            + " has not passed "
            + missing.stream().map(m -> describe(history, m)).collect(Collectors.joining(", "))
            + ", which "
            + (missing.size() == 1 ? "comes" : "come")
            + " before "
            + station.name()
            + " on line "
            + line.name()
            + "; run it there first, or an engineer lets it in: shipready unit override "
            + history.name()
            + " --station "
            + station.name()
            + " --reason TEXT");
  }

  /**
   * The ship gate: why the unit may not be packed for shipping, or empty when it may. It must be on
   * the line (not scrapped, not in rework) and its last counting run at every station of the line
   * must be a PASS; a station it skipped or last failed is named with that run, as the stations'
   * own gates name it.
   */
  public Optional<String> shipRefusal(RouteHistory history) {
    Optional<String> off = offTheLine(history);
    if (off.isPresent()) {
      return off;
    }
    List<LineStation> notPassed =
        line.stations().stream()
            .filter(
                station -> {
                  List<RouteHistory.Visit> runs = countingRuns(history, station);
                  return runs.isEmpty() || !runs.get(runs.size() - 1).passed();
                })
            .toList();
    if (notPassed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "unit "
            + history.name()
            + " has not passed "
            + notPassed.stream().map(s -> describe(history, s)).collect(Collectors.joining(", "))
            + " on line "
            + line.name()
            + ", and a unit ships only when its last run at every station passed; run it at "
            + notPassed.get(0).name()
            + " until it passes, or send it to rework: shipready unit rework "
            + history.name());
  }

  /** Why no station takes the unit (scrapped, or waiting for repair); empty when on the line. */
  public static Optional<String> offTheLine(RouteHistory history) {
    Optional<RouteEvent> scrap = history.scrapped();
    if (scrap.isPresent()) {
      return Optional.of(
          "unit "
              + history.name()
              + " was scrapped on "
              + scrap.get().at()
              + " by "
              + scrap.get().user()
              + " ("
              + scrap.get().reason()
              + "); no station takes it, and its labels are VOID");
    }
    if (history.inRework()) {
      RouteEvent rework = history.lastReworkOrRepair().orElseThrow();
      return Optional.of(
          "unit "
              + history.name()
              + " is in rework since "
              + rework.at()
              + (rework.station().isEmpty() ? "" : " after " + rework.station())
              + " (symptom: "
              + rework.reason()
              + "); record its repair first: shipready unit repair "
              + history.name()
              + " --symptom TEXT --action TEXT --re-entry STATION");
    }
    return Optional.empty();
  }

  /**
   * The station where the unit's trouble on the way to {@code missed} started: {@code missed}
   * itself, unless its last run there was refused by the route, in which case the station that one
   * missed in turn, and so on back along the line.
   */
  public LineStation rootOf(RouteHistory history, LineStation missed) {
    LineStation at = missed;
    Set<String> seen = new java.util.HashSet<>();
    while (seen.add(at.name())) {
      Optional<RouteHistory.Visit> last = lastRun(history, at);
      if (last.isEmpty() || !last.get().failedStep().equals(REFUSED_STEP)) {
        return at;
      }
      List<LineStation> before = missing(history, at);
      if (before.isEmpty()) {
        return at;
      }
      at = before.get(0);
    }
    return at;
  }

  /** The unit's last run at the station that still counts, if any. */
  public Optional<RouteHistory.Visit> lastRun(RouteHistory history, LineStation station) {
    List<RouteHistory.Visit> runs = countingRuns(history, station);
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
  }

  /**
   * The missing station and the root of it only: a refusal there by the route is followed back to
   * the station it missed, so the message never nests the earlier refusals' own text.
   */
  private String describe(RouteHistory history, LineStation station) {
    LineStation root = rootOf(history, station);
    if (root.equals(station)) {
      return station.name() + " (" + lastRunText(history, station) + ")";
    }
    return station.name()
        + " (refused there by the route: it had not passed "
        + root.name()
        + ", "
        + lastRunText(history, root)
        + ")";
  }

  /** The last counting run at a station: its outcome, failing step and reason. */
  private String lastRunText(RouteHistory history, LineStation station) {
    Optional<RouteHistory.Visit> found = lastRun(history, station);
    if (found.isEmpty()) {
      return "never run there"
          + (history.runsOf(station.recipeName()).isEmpty() ? "" : " since its repair");
    }
    RouteHistory.Visit last = found.get();
    if (last.failedStep().equals(REFUSED_STEP)) {
      // A refusal for another reason than a missing station (its retests, rework): not nested.
      return "last run there refused by the route";
    }
    return "last run there "
        + (last.outcome().isEmpty() ? "still open" : last.outcome())
        + (last.failedStep().isEmpty() ? "" : " at " + last.failedStep())
        + (last.message().isEmpty() ? "" : ": " + last.message());
  }

  private static Optional<RouteEvent> lastRepair(RouteHistory history) {
    return history.events().stream()
        .filter(e -> e.kind() == RouteEvent.Kind.REPAIR)
        .reduce((first, second) -> second);
  }
}
