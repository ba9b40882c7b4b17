package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A unit's way along its line as the records tell it: every run (at which recipe, the line's
 * station) and every route event (override, rework, repair, scrap), oldest first. The line itself
 * (which station needs which) is not in the records; the route gate brings it.
 *
 * @param unitId the store's number for the unit
 * @param name the unit's best name for people: its serial, device id, or first identifier
 */
public record RouteHistory(long unitId, String name, List<Visit> runs, List<RouteEvent> events) {
  public RouteHistory {
    requireNonNull(name, "name");
    runs = List.copyOf(runs);
    events = List.copyOf(events);
  }

  /**
   * One run of the unit.
   *
   * @param outcome PASS, FAIL, ERROR or ABORTED; empty while the run is open
   */
  public record Visit(
      String runId,
      String recipe,
      String stationId,
      Instant started,
      String outcome,
      String failedStep,
      String message) {
    public boolean passed() {
      return "PASS".equals(outcome);
    }
  }

  /** The scrap, if the unit was scrapped. */
  public Optional<RouteEvent> scrapped() {
    return events.stream().filter(e -> e.kind() == RouteEvent.Kind.SCRAP).findFirst();
  }

  /** The last rework or repair: a rework means the unit waits for repair. */
  public Optional<RouteEvent> lastReworkOrRepair() {
    RouteEvent last = null;
    for (RouteEvent event : events) {
      if (event.kind() == RouteEvent.Kind.REWORK || event.kind() == RouteEvent.Kind.REPAIR) {
        last = event;
      }
    }
    return Optional.ofNullable(last);
  }

  /** Whether the unit is off the line, waiting for repair. */
  public boolean inRework() {
    return lastReworkOrRepair().map(e -> e.kind() == RouteEvent.Kind.REWORK).orElse(false);
  }

  /** The unit's runs of a recipe, oldest first. */
  public List<Visit> runsOf(String recipe) {
    return runs.stream().filter(v -> v.recipe().equals(recipe)).toList();
  }
}
