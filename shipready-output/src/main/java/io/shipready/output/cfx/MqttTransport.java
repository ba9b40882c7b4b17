package io.shipready.output.cfx;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shipready.core.spi.MessageOutbox.OutgoingMessage;
import java.net.URI;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * CFX over MQTT (Eclipse Paho): each message is the envelope's JSON, published at QoS 1 (at least
 * once; the outbox, not the client, keeps what is not yet acknowledged) and waited for until the
 * broker acknowledges it. The envelope's UniqueID is how a subscriber recognises a repeat.
 */
final class MqttTransport implements CfxTransport {
  private static final int TIMEOUT_SECONDS = 10;

  private final URI broker;
  private final String topic;
  private final String user;
  private final String password;
  private MqttClient client;

  MqttTransport(URI broker, String topic, String password) {
    this.broker = broker;
    this.topic = topic;
    String userInfo = broker.getUserInfo();
    this.user = userInfo == null ? null : userInfo.split(":", 2)[0];
    this.password = password;
  }

  @Override
  public void send(OutgoingMessage message) throws MqttException {
    if (client == null || !client.isConnected()) {
      open();
    }
    client.publish(topic, message.body().getBytes(UTF_8), 1, false);
  }

  private void open() throws MqttException {
    close();
    String server =
        broker.getScheme()
            + "://"
            + broker.getHost()
            + ":"
            + (broker.getPort() > 0 ? broker.getPort() : 1883);
    // A fresh id per connection: two publishers never take each other's session.
    MqttClient fresh =
        new MqttClient(
            server,
            "shipready-" + UUID.randomUUID().toString().substring(0, 12),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(TIMEOUT_SECONDS);
    if (user != null) {
      options.setUserName(user);
      if (password != null) {
        options.setPassword(password.toCharArray());
      }
    }
    fresh.setTimeToWait(TIMEOUT_SECONDS * 1000L);
    try {
      fresh.connect(options);
    } catch (MqttException refused) {
      try {
        fresh.close(true);
      } catch (MqttException ignored) {
        // Never connected: nothing to release.
      }
      throw refused;
    }
    client = fresh;
  }

  @Override
  public String describe() {
    return broker.getScheme()
        + "://"
        + broker.getHost()
        + (broker.getPort() > 0 ? ":" + broker.getPort() : "")
        + " topic "
        + topic;
  }

  @Override
  public void close() {
    MqttClient old = client;
    client = null;
    if (old == null) {
      return;
    }
    try {
      if (old.isConnected()) {
        old.disconnectForcibly(0, 100);
      }
    } catch (MqttException ignored) {
      // Already broken; it is dropped either way.
    }
    try {
      old.close(true);
    } catch (MqttException ignored) {
      // As above.
    }
  }
}
