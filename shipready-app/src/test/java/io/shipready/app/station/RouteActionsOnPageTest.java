package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.app.cli.DemoCommand;
import io.shipready.store.RouteEvent;
import io.shipready.store.StationAction;
import io.shipready.store.Store;
import io.shipready.store.report.RunFilter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engineer scraps a unit from the station's page: a wrong PIN is refused and recorded, the right
 * one scraps it, and the scrap is in the unit's record with who did it.
 */
class RouteActionsOnPageTest {
  private static final Path LINE = Path.of("..", "lines", "particle-cellular");

  @TempDir Path folder;

  @Test
  void anEngineerScrapsAUnitFromThePageWithThePin() throws Exception {
    assumeTrue(
        System.getenv(EngineerPinCheck.ENVIRONMENT) == null,
        EngineerPinCheck.ENVIRONMENT + " is set for the tests: this test sets its own PIN");
    Path config = DemoCommand.filledConfig(LINE, folder, "programming");
    Files.writeString(config, Files.readString(config) + RunningStation.engineerPinLine());
    String recipe = LINE.resolve("programming.yaml").toString();
    String serial;
    try (RunningStation station =
        RunningStation.start(
            folder, config, "--recipe", recipe, "--simulate", "1", "--slots", "1")) {
      JsonNode done =
          station.awaitState(
              "unit 1 passed", s -> station.tile(s, "1").path("outcome").asText().equals("PASS"));
      serial = serialOf(folder.resolve("station.db"));

      Map<String, String> scrap =
          Map.of("user", "eng.ana", "do", "scrap", "unit", serial, "reason", "dropped");
      HttpResponse<String> wrongPin = station.post("api/units/route", with(scrap, "pin", "0000"));
      assertThat(wrongPin.statusCode()).as(wrongPin.body()).isEqualTo(403);
      HttpResponse<String> scrapped =
          station.post("api/units/route", with(scrap, "pin", RunningStation.PIN));
      assertThat(scrapped.statusCode()).as(scrapped.body()).isEqualTo(200);
      assertThat(scrapped.body()).contains("scrapped", "withdrawn from the provisioning queue");
      HttpResponse<String> again =
          station.post("api/units/route", with(scrap, "pin", RunningStation.PIN));
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.body()).contains("was scrapped");
      assertThat(done).isNotNull();
      station.stopAsEngineer();
    }
    try (Store store = Store.open(folder.resolve("station.db").toString())) {
      assertThat(store.trace(serial).route())
          .extracting(RouteEvent::kind, RouteEvent::user, RouteEvent::reason)
          .containsExactly(
              org.assertj.core.api.Assertions.tuple(RouteEvent.Kind.SCRAP, "eng.ana", "dropped"));
      List<StationAction> route =
          store.actions("DEMO-PROGRAMMING").stream()
              .filter(a -> a.action().equals("route scrap"))
              .toList();
      assertThat(route).extracting(StationAction::allowed).containsExactly(false, true, false);
    }
  }

  private static Map<String, String> with(Map<String, String> body, String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(body);
    all.put(key, value);
    return all;
  }

  private static String serialOf(Path db) {
    try (Store store = Store.open(db.toString())) {
      return store.runs(new RunFilter(false, null, null, null, 1)).get(0).unit();
    }
  }
}
