package io.shipready.app.cfx;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.Main;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real station process publishing CFX over MQTT to Mosquitto, through a proxy: the broker goes
 * away in the middle of the batch, the station is killed (SIGKILL) while messages wait in its
 * outbox, the broker comes back and the station is started again. Every message the records made
 * arrives, none is lost, and a message sent twice carries the same UniqueID and the same bytes.
 */
class CfxStationCrashTest {
  private static final Path SAMPLE = Path.of("..", "lines", "sample", "recipe.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aKilledStationDuringABrokerOutageLosesNoMessage() throws Exception {
    URI broker = Brokers.mqtt();
    String handle = "test.crash." + UUID.randomUUID().toString().substring(0, 8);
    String topic = "cfx/" + handle;
    Path db = dir.resolve("station.db");

    Map<String, List<String>> received = new ConcurrentHashMap<>();
    List<String> order = new CopyOnWriteArrayList<>();
    MqttClient subscriber =
        new MqttClient(
            "tcp://" + broker.getHost() + ":" + broker.getPort(),
            "shipready-test-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    subscriber.connect(options);
    subscriber.subscribe(
        topic,
        1,
        (t, message) -> {
          String body = new String(message.getPayload(), UTF_8);
          String id = JSON.readTree(body).get("UniqueID").asText();
          received.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(body);
          order.add(id);
        });
    try (TcpProxy proxy = new TcpProxy(broker.getPort())) {
      Path config = config(handle, URI.create("tcp://127.0.0.1:" + proxy.port()));

      // A batch under way, publishing; then the broker goes away and the station dies.
      Process first = station(config, db, 24, dir.resolve("first.log"));
      awaitReceived(received, 10, first);
      proxy.down();
      Thread.sleep(1_500);
      assertThat(first.isAlive()).as("the station is still running its batch").isTrue();
      first.destroyForcibly();
      assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
      int waiting = OutboxRows.pending(db, handle).size();
      System.out.printf(
          "CFX crash test: killed with %d messages received, %d waiting in the outbox%n",
          received.size(), waiting);
      assertThat(waiting).as("messages made while the broker was away").isPositive();

      // The broker is back; the station starts again, runs a few units and stops.
      proxy.up();
      Process second = station(config, db, 3, dir.resolve("second.log"));
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
    }

    Map<String, String> written = OutboxRows.all(db, handle);
    assertThat(OutboxRows.pending(db, handle)).as("left in the outbox").isEmpty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!received.keySet().containsAll(written.keySet()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    subscriber.disconnect();
    subscriber.close();

    Set<String> missing = new HashSet<>(written.keySet());
    missing.removeAll(received.keySet());
    assertThat(missing).as("messages never received").isEmpty();
    assertThat(received.keySet()).as("received but never written").isSubsetOf(written.keySet());
    int repeats = 0;
    for (Map.Entry<String, List<String>> copies : received.entrySet()) {
      assertThat(copies.getValue())
          .as("every copy of %s", copies.getKey())
          .allMatch(body -> body.equals(written.get(copies.getKey())));
      repeats += copies.getValue().size() - 1;
    }

    // Every unit's work that started also ended: the killed runs end Aborted.
    Set<String> started = new HashSet<>();
    Set<String> completed = new HashSet<>();
    List<String> aborted = new ArrayList<>();
    for (String envelope : written.values()) {
      JsonNode message = JSON.readTree(envelope);
      JsonNode body = message.get("MessageBody");
      switch (message.get("MessageName").asText()) {
        case "CFX.Production.WorkStarted" -> started.add(body.get("TransactionID").asText());
        case "CFX.Production.WorkCompleted" -> {
          completed.add(body.get("TransactionID").asText());
          if (body.get("Result").asText().equals("Aborted")) {
            aborted.add(body.get("TransactionID").asText());
          }
        }
        default -> {}
      }
    }
    assertThat(completed).containsAll(started);
    assertThat(aborted).as("runs the kill interrupted").isNotEmpty();
    System.out.printf(
        "CFX crash test: %d messages written, all received; %d sent twice (same UniqueID);"
            + " %d transactions, %d ended Aborted by the kill%n",
        written.size(), repeats, started.size(), aborted.size());
  }

  private Path config(String handle, URI mqtt) throws Exception {
    Path config = dir.resolve("station-config.yaml");
    Files.writeString(
        config,
        """
        stationId: CFX-CRASH
        computerName: PC-1
        programmerName: sample
        timeZone: UTC
        outputFolder: out
        archiveFolder: archive
        partNo: 100-0012-01
        manufacturer: Acme
        factory: Test
        hwVersion: "1.0"
        cfx:
          handle: %s
          mqtt: %s
        """
            .formatted(handle, mqtt));
    return config;
  }

  private static Process station(Path config, Path db, int units, Path log) throws Exception {
    // Slow enough that the kill finds units in the middle of their runs.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "run",
            "--recipe",
            SAMPLE.toString(),
            "--simulate",
            Integer.toString(units),
            "--seed",
            "11",
            "--fail-rate",
            "0.1",
            "--time-scale",
            "0.5",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--lines");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitReceived(Map<String, List<String>> received, int count, Process station)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (received.size() < count && station.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(received.size()).as("messages before the outage").isGreaterThanOrEqualTo(count);
  }
}
