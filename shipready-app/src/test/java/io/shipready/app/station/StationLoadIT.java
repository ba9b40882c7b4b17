package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The station page with 64 slots busy, measured: SSE messages per second, the average coalesced
 * update's size and tiles per update (server side), and the time the page takes to apply an update
 * (in the page, with performance.now()). Prints the figures; asserts nothing about speed.
 */
class StationLoadIT {
  private static final int SLOTS = Integer.getInteger("shipready.test.station.slots", 64);
  private static final long WINDOW_MS = Long.getLong("shipready.test.station.window-ms", 20_000);

  @TempDir Path folder;

  @Test
  void sixtyFourBusySlotsOnOnePage() throws Exception {
    try (HeadlessChromium chromium = HeadlessChromium.start(folder.resolve("profile"));
        RunningStation station =
            RunningStation.start(
                folder,
                "--recipe",
                RunningStation.SAMPLE,
                "--slots",
                Integer.toString(SLOTS),
                "--simulate",
                "100000",
                "--fail-rate",
                "0.1",
                "--time-scale",
                "0.01")) {
      chromium.driver().get(station.url);
      chromium.await("the page's snapshot", StationPageBrowserIT::ready);
      chromium.await(
          "every slot busy", d -> d.findElements(By.cssSelector(".tile.busy")).size() >= SLOTS / 2);
      assertThat(chromium.driver().findElements(By.cssSelector(".tile"))).hasSize(SLOTS);

      Map<?, ?> pageBefore = pageStats(chromium);
      JsonNode serverBefore = serverStats(station);
      long started = System.nanoTime();
      Thread.sleep(WINDOW_MS);
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<?, ?> pageAfter = pageStats(chromium);
      JsonNode serverAfter = serverStats(station);
      chromium.screenshot("station-64-slots-busy");

      long messages = delta(serverAfter, serverBefore, "slotMessages");
      long bytes = delta(serverAfter, serverBefore, "slotBytes");
      long tilesSent = delta(serverAfter, serverBefore, "slotUpdates");
      long changes = delta(serverAfter, serverBefore, "changesSeen");
      double updates = number(pageAfter, "updates") - number(pageBefore, "updates");
      double applyMs = number(pageAfter, "totalMs") - number(pageBefore, "totalMs");
      double runs = station.state().get("figures").get("runs").asDouble();
      System.out.printf(
          Locale.ROOT,
          "station page, %d slots busy, %.1f s window (one page open):%n"
              + "  slot changes seen         %8.1f /s%n"
              + "  SSE slot messages sent    %8.1f /s%n"
              + "  tiles per message         %8.1f (coalesced from %.1f changes)%n"
              + "  average message size      %8.0f bytes%n"
              + "  page apply time, average  %8.2f ms per update (max %.2f ms over the session)%n"
              + "  units finished so far     %8.0f%n",
          SLOTS,
          seconds,
          changes / seconds,
          messages / seconds,
          messages == 0 ? 0.0 : (double) tilesSent / messages,
          messages == 0 ? 0.0 : (double) changes / messages,
          messages == 0 ? 0.0 : (double) bytes / messages,
          updates == 0 ? 0.0 : applyMs / updates,
          number(pageAfter, "maxMs"),
          runs);
      assertThat(updates).isPositive();
      assertThat(station.stopAsEngineer()).isZero();
    }
  }

  private static Map<?, ?> pageStats(HeadlessChromium chromium) {
    return (Map<?, ?>) chromium.script("return Object.assign({}, window.stationPageStats);");
  }

  private static JsonNode serverStats(RunningStation station) throws Exception {
    return new ObjectMapper().readTree(station.get("api/stats").body());
  }

  private static long delta(JsonNode after, JsonNode before, String field) {
    return after.get(field).asLong() - before.get(field).asLong();
  }

  private static double number(Map<?, ?> stats, String key) {
    return ((Number) stats.get(key)).doubleValue();
  }
}
