package io.shipready.output.cfx;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shipready.core.spi.MessageOutbox.OutgoingMessage;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.ClientOptions;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.DeliveryMode;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.SenderOptions;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

/**
 * CFX over AMQP 1.0 (Apache Qpid protonj2): each message is the envelope's JSON in a data section,
 * with the envelope's UniqueID as the AMQP message id and the message name as its subject, sent
 * at-least-once and waited for until the broker accepts it.
 */
final class AmqpTransport implements CfxTransport {
  private static final long TIMEOUT_MILLIS = 10_000;

  private final URI broker;
  private final String address;
  private final String user;
  private final String password;
  private Client client;
  private Connection connection;
  private Sender sender;

  AmqpTransport(URI broker, String address, String password) {
    this.broker = broker;
    this.address = address;
    String userInfo = broker.getUserInfo();
    // The user only: a password in the URL is refused when the configuration is read.
    this.user = userInfo == null ? null : userInfo.split(":", 2)[0];
    this.password = password;
  }

  @Override
  public void send(OutgoingMessage message) throws ClientException {
    if (sender == null) {
      open();
    }
    Message<byte[]> amqp =
        Message.create(message.body().getBytes(UTF_8))
            .messageId(message.uniqueId())
            .subject(message.name())
            .contentType("application/json; charset=utf-8")
            .durable(true);
    sender.send(amqp).awaitAccepted(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void open() throws ClientException {
    close();
    client = Client.create(new ClientOptions().id("shipready-cfx"));
    ConnectionOptions options =
        new ConnectionOptions().sendTimeout(TIMEOUT_MILLIS).openTimeout(TIMEOUT_MILLIS);
    options.transportOptions().connectTimeout((int) TIMEOUT_MILLIS);
    if (user != null) {
      options.user(user).password(password);
    }
    if ("amqps".equalsIgnoreCase(broker.getScheme())) {
      options.sslEnabled(true);
    }
    int port = broker.getPort() > 0 ? broker.getPort() : 5672;
    connection = client.connect(broker.getHost(), port, options);
    sender =
        connection.openSender(
            address, new SenderOptions().deliveryMode(DeliveryMode.AT_LEAST_ONCE));
    try {
      sender.openFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ClientException("interrupted while opening " + describe(), interrupted);
    } catch (Exception refused) {
      throw new ClientException("the broker did not open " + address + ": " + refused, refused);
    }
  }

  @Override
  public String describe() {
    return broker.getScheme()
        + "://"
        + broker.getHost()
        + (broker.getPort() > 0 ? ":" + broker.getPort() : "")
        + " "
        + address;
  }

  @Override
  public void close() {
    if (client != null) {
      try {
        client.close();
      } catch (RuntimeException ignored) {
        // A connection already broken cannot be closed politely; it is gone either way.
      }
    }
    client = null;
    connection = null;
    sender = null;
  }
}
