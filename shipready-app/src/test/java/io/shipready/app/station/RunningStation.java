package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.Main;
import io.shipready.output.config.EngineerPin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code shipready station} command running in this JVM on a free port, with a station
 * config that holds the engineer PIN {@link #PIN}, and a small HTTP client for its API. Tests of
 * other commands start one on the same records to see what the page shows of them.
 */
public final class RunningStation implements AutoCloseable {
  static final String PIN = "2468";
  public static final String STATION = "PAGE-01";
  static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern URL = Pattern.compile("page at (http://\\S+/)");

  /** A recipe whose scan the operator makes and whose LED check the operator answers. */
  static final String OPERATOR_RECIPE =
      """
      recipe: page-check
      version: "1.0"
      station:
        device_family: particle
        slots: 2
      simulation:
        time_scale: 0.02
      steps:
        - id: scan_serial
          kind: scan
          with:
            marking: serial
            fields: [serial]
            pattern: "P0[0-9A-Z]{11}"
            prompt: Scan the serial sticker
        - id: identify
          kind: identify
          with:
            require: [device_id]
        - id: power
          kind: measure
          measurements:
            - name: supply_voltage
              units: V
              range: {min: 3.2, max: 3.4}
        - id: check_led
          kind: prompt
          with:
            message: Is the status LED breathing cyan?
            ask: confirm
      """;

  /** A recipe whose units take a few seconds each, so a page opened after the start sees them. */
  static final String WATCH_RECIPE =
      """
      recipe: page-watch
      version: "1.0"
      station:
        device_family: particle
        slots: 4
      simulation:
        time_scale: 0.02
      steps:
        - id: identify
          kind: identify
          with:
            require: [device_id]
        - id: settle
          kind: wait
          with:
            duration: 6s
        - id: power
          kind: measure
          measurements:
            - name: supply_voltage
              units: V
              range: {min: 3.2, max: 3.4}
      """;

  public static final String SAMPLE = Path.of("..", "lines", "sample", "recipe.yaml").toString();

  final Path folder;
  final Path db;
  final String url;
  private final CompletableFuture<Integer> exit;
  private final StringWriter out;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private RunningStation(
      Path folder, Path db, String url, CompletableFuture<Integer> exit, StringWriter out) {
    this.folder = folder;
    this.db = db;
    this.url = url;
    this.exit = exit;
    this.out = out;
  }

  /** Starts {@code shipready station --ui 0 --config ... --db ...} with the given arguments. */
  public static RunningStation start(Path folder, String... args) throws Exception {
    Path config = folder.resolve("station.yaml");
    writeConfig(config);
    return start(folder, config, args);
  }

  /**
   * Starts {@code shipready station --ui 0 --config CONFIG --db FOLDER/station.db} with the given
   * arguments: stations started with the same folder share their records.
   */
  static RunningStation start(Path folder, Path config, String... args) throws Exception {
    Path db = folder.resolve("station.db");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--ui",
            "0",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--operator",
            "li.wei"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              var commandLine = Main.commandLine();
              commandLine.setOut(new PrintWriter(out, true));
              commandLine.setErr(new PrintWriter(err, true));
              return commandLine.execute(
                  java.util.stream.Stream.concat(
                          java.util.stream.Stream.of("station"), all.stream())
                      .toArray(String[]::new));
            });
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher found = URL.matcher(out.toString());
      if (found.find()) {
        return new RunningStation(folder, db, found.group(1), exit, out);
      }
      if (exit.isDone()) {
        throw new AssertionError(
            "the station ended before serving its page: " + out + err + exit.get());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the station did not print its page's address: " + out + err);
  }

  private static final String CONFIG =
      """
      stationId: %s
      computerName: PC-3
      programmerName: acme-plug
      timeZone: UTC
      outputFolder: output
      archiveFolder: archive
      partNo: 100-0012-01
      manufacturer: Acme
      factory: Shenzhen-2
      hwVersion: "1.2"
      """
          .formatted(STATION);

  private static void writeConfig(Path config) throws IOException {
    Files.writeString(config, CONFIG + engineerPinLine());
  }

  /** A station config with no engineer PIN: the operator stops runs and the station. */
  static Path configWithoutPin(Path folder) throws IOException {
    return write(folder, "station-no-pin.yaml", CONFIG);
  }

  /**
   * The line a station config needs so that the engineer with {@link #PIN} may stop the station.
   */
  static String engineerPinLine() {
    return "engineerPinHash: " + EngineerPin.hash(PIN.toCharArray()) + "\n";
  }

  static Path write(Path folder, String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  JsonNode state() throws Exception {
    return json.readTree(get("api/state").body());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode tile(JsonNode state, String slot) {
    for (JsonNode tile : state.get("slots")) {
      if (tile.get("slot").asText().equals(slot)) {
        return tile;
      }
    }
    throw new AssertionError("no slot " + slot + " in " + state);
  }

  /** Waits until the page's state satisfies the condition, and returns that state. */
  JsonNode awaitState(String what, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode state = state();
    while (!condition.test(state)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE + " for " + what + "; state: " + state);
      }
      Thread.sleep(25);
      state = state();
    }
    return state;
  }

  /** Stops the station as an engineer and returns the command's exit code. */
  public int stopAsEngineer() throws Exception {
    HttpResponse<String> stopped = post("api/station/stop", Map.of("user", "eng.ana", "pin", PIN));
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    return exit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  /** Waits for the command to end (after a stop) and returns its exit code. */
  int exitCode() throws Exception {
    return exit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  String output() {
    return out.toString();
  }

  @Override
  public void close() throws Exception {
    if (!exit.isDone()) {
      post("api/station/stop", Map.of("user", "test", "pin", PIN));
      exit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
