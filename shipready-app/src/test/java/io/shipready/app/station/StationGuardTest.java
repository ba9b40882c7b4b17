package io.shipready.app.station;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the station page refuses: other sites' host names, and a burst of PIN guesses. */
class StationGuardTest {
  private static final String PIN_LOCKOUT = "shipready.station.pin-lockout-seconds";
  @TempDir Path folder;

  @AfterEach
  void clear() {
    System.clearProperty(PIN_LOCKOUT);
  }

  private RunningStation start(String... more) throws Exception {
    Path recipe = RunningStation.write(folder, "recipe.yaml", RunningStation.OPERATOR_RECIPE);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--recipe",
                recipe.toString(),
                "--simulate",
                "1",
                "--slots",
                "1",
                "--scan-at-station"));
    args.addAll(List.of(more));
    return RunningStation.start(folder, args.toArray(String[]::new));
  }

  @Test
  void anotherHostNameOrOriginIsRefusedUnlessAllowed() throws Exception {
    try (RunningStation station = start("--allow-host", "station-7.factory.lan")) {
      int port = URI.create(station.url).getPort();
      assertThat(get(port, "127.0.0.1:" + port, null)).startsWith("HTTP/1.1 200");
      assertThat(get(port, "localhost:" + port, null)).startsWith("HTTP/1.1 200");
      assertThat(get(port, "station-7.factory.lan:" + port, null)).startsWith("HTTP/1.1 200");

      String rebound = get(port, "attacker.example:" + port, null);
      assertThat(rebound).startsWith("HTTP/1.1 403").contains("--allow-host");
      String foreignPage = get(port, "127.0.0.1:" + port, "http://attacker.example");
      assertThat(foreignPage).startsWith("HTTP/1.1 403").contains("attacker.example");
      assertThat(get(port, "127.0.0.1:" + port, "http://127.0.0.1:" + port))
          .startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void aBurstOfWrongPinsGetsNoMoreThanFiveChecked() throws Exception {
    System.setProperty(PIN_LOCKOUT, "5");
    ExecutorService clients = Executors.newFixedThreadPool(39);
    try (RunningStation station = start()) {
      List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
      for (int i = 0; i < 39; i++) {
        String pin = String.format("%04d", 9000 + i);
        burst.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return station.post("api/slots/1/stop", Map.of("user", "mallory", "pin", pin));
                  } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                  }
                },
                clients));
      }
      int checked = 0;
      int locked = 0;
      for (CompletableFuture<HttpResponse<String>> answer : burst) {
        int status = answer.join().statusCode();
        checked += status == 403 ? 1 : 0;
        locked += status == 429 ? 1 : 0;
      }
      assertThat(checked).as("wrong PINs checked").isEqualTo(5);
      assertThat(locked).isEqualTo(34);
      Thread.sleep(5_100); // the lockout ends; closing the station needs the PIN
    } finally {
      clients.shutdownNow();
    }
  }

  /** A GET of the page's state with the Host (and Origin) given, as a browser would send them. */
  private static String get(int port, String host, String origin) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/state HTTP/1.1\r\nHost: "
                  + host
                  + "\r\n"
                  + (origin == null ? "" : "Origin: " + origin + "\r\n")
                  + "Connection: close\r\n\r\n")
              .getBytes(US_ASCII));
      out.flush();
      socket.setSoTimeout(20_000);
      return new String(socket.getInputStream().readAllBytes(), US_ASCII);
    }
  }
}
