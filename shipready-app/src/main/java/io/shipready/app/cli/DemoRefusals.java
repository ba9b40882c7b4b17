package io.shipready.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.app.lines.LineProfile;
import io.shipready.app.lines.LineProfile.LineStation;
import io.shipready.app.route.LineRoute;
import io.shipready.core.model.Identifier;
import io.shipready.store.RouteHistory;
import io.shipready.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unit the route refused, in one line for the demo's summary: the station it missed and, when
 * that one refused it too, the station where its trouble started and how its last run there ended.
 * Read from the records as the gate read them; the run's record keeps the gate's whole message.
 */
final class DemoRefusals {
  private DemoRefusals() {}

  /** Whether the run (a unit of a run's JSON summary) was refused by its line's route. */
  static boolean refused(JsonNode unit) {
    return unit.path("outcome").asText().equals("FAIL")
        && unit.path("failed_step").asText().equals(LineRoute.REFUSED_STEP);
  }

  static String oneLine(Store records, LineProfile line, String stationName, JsonNode unit) {
    Optional<LineStation> station = line.station(stationName);
    List<Identifier> ids = new ArrayList<>();
    unit.path("identifiers")
        .fields()
        .forEachRemaining(e -> ids.add(new Identifier(e.getKey(), e.getValue().asText())));
    Optional<RouteHistory> history =
        ids.isEmpty()
            ? Optional.empty()
            : records.routeHistory(ids, unit.path("run_id").asText(""));
    if (station.isEmpty()) {
      return firstClause(unit.path("message").asText());
    }
    if (history.isEmpty()) {
      return "never recorded on the line, so it has not passed "
          + String.join(", ", station.get().after());
    }
    LineRoute route = new LineRoute(line);
    List<LineStation> missing = route.missing(history.get(), station.get());
    if (missing.isEmpty() || LineRoute.offTheLine(history.get()).isPresent()) {
      return firstClause(unit.path("message").asText());
    }
    LineStation missed = missing.get(0);
    LineStation root = route.rootOf(history.get(), missed);
    String last =
        route
            .lastRun(history.get(), root)
            .map(
                run ->
                    run.outcome()
                        + (run.failedStep().isEmpty() ? "" : " at " + run.failedStep())
                        + " there")
            .orElse("never run there");
    return "has not passed "
        + missed.name()
        + (root.equals(missed) ? " (" : " (refused there for want of " + root.name() + ", ")
        + last
        + ")";
  }

  /** The message up to its first sentence's end, without the unit's name it starts with. */
  private static String firstClause(String message) {
    int end = message.indexOf(';');
    String clause = end < 0 ? message : message.substring(0, end);
    return clause.replaceFirst("^unit \\S+ ", "");
  }
}
