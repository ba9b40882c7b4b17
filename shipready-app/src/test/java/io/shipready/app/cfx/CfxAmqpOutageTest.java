package io.shipready.app.cfx;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.output.cfx.CfxPublisher;
import io.shipready.output.cfx.CfxSettings;
import io.shipready.store.CfxOutbox;
import io.shipready.store.RecordWriter;
import io.shipready.store.StationInfo;
import io.shipready.store.Store;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CFX over AMQP 1.0 to a real RabbitMQ, through a proxy the test takes down and brings back: the
 * broker is unreachable when the station starts and again in the middle of a batch, and still every
 * message arrives, in the envelope the outbox holds, a repeat carrying the same UniqueID.
 */
class CfxAmqpOutageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyMessageArrivesThroughBrokerOutages() throws Exception {
    URI broker = Brokers.amqp();
    // One queue for every run of this test, so the broker keeps no more than that; messages of
    // another run (another handle) are passed over.
    String queue = "/queue/shipready-cfx-test";
    String handle = "test.amqp." + UUID.randomUUID().toString().substring(0, 8);
    Path db = dir.resolve("station.db");

    Client client = Client.create();
    ConnectionOptions login =
        new ConnectionOptions()
            .user(broker.getUserInfo().split(":", 2)[0])
            .password(Brokers.password(broker));
    try (Connection subscriber = client.connect(broker.getHost(), broker.getPort(), login);
        Receiver receiver = subscriber.openReceiver(queue);
        TcpProxy proxy = new TcpProxy(broker.getPort());
        Store store = Store.open(db.toString())) {
      receiver.openFuture().get(10, TimeUnit.SECONDS);
      CfxOutbox outbox = store.cfxOutbox(handle);
      CfxSettings settings =
          new CfxSettings(handle, Brokers.withoutPassword(broker, proxy.port()), queue, null, null);

      proxy.down();
      CfxPublisher publisher =
          CfxPublisher.start(outbox, settings, name -> Brokers.password(broker));
      try (RecordWriter writer =
          store.openWriter(new StationInfo("AMQP-1", "PC", "alice", Map.of()), handle)) {
        for (int unit = 1; unit <= 10; unit++) {
          OutboxRows.run(writer, "1", unit);
        }
        Thread.sleep(1_500);
        assertThat(publisher.delivered()).as("nothing gets through a broker that is down").isZero();
        assertThat(publisher.lastProblem()).isNotNull();

        proxy.up();
        awaitDelivered(publisher, 1);
        for (int unit = 11; unit <= 30; unit++) {
          OutboxRows.run(writer, "2", unit);
          if (unit == 15) {
            proxy.down();
          }
          if (unit == 25) {
            Thread.sleep(1_000);
            proxy.up();
          }
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!OutboxRows.pending(db, handle).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      publisher.close(Duration.ofSeconds(30));
      assertThat(OutboxRows.pending(db, handle)).as("left in the outbox").isEmpty();

      Map<String, String> written = OutboxRows.all(db, handle);
      Map<String, List<String>> received = new HashMap<>();
      while (received.size() < written.size()) {
        Delivery delivery = receiver.receive(20, TimeUnit.SECONDS);
        assertThat(delivery)
            .as("received %d of %d messages", received.size(), written.size())
            .isNotNull();
        Message<Object> message = delivery.message();
        String body = new String((byte[]) message.body(), UTF_8);
        JsonNode envelope = JSON.readTree(body);
        if (!envelope.get("Source").asText().equals(handle)) {
          delivery.accept();
          continue;
        }
        String id = envelope.get("UniqueID").asText();
        assertThat(message.messageId()).isEqualTo(id);
        assertThat(message.subject()).isEqualTo(envelope.get("MessageName").asText());
        received.computeIfAbsent(id, k -> new ArrayList<>()).add(body);
        delivery.accept();
      }
      assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(written.keySet());
      int repeats = 0;
      for (Map.Entry<String, List<String>> copies : received.entrySet()) {
        assertThat(copies.getValue()).allMatch(body -> body.equals(written.get(copies.getKey())));
        repeats += copies.getValue().size() - 1;
      }
      System.out.printf(
          "AMQP outage test: %d messages delivered through two outages, %d repeats%n",
          written.size(), repeats);
      // Each run: WorkStarted, UnitsTested, WorkCompleted; and the endpoint up and down.
      assertThat(written.size()).isEqualTo(30 * 3 + 2);
    } finally {
      client.close();
    }
  }

  private static void awaitDelivered(CfxPublisher publisher, long count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (publisher.delivered() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(publisher.delivered()).isGreaterThanOrEqualTo(count);
  }
}
