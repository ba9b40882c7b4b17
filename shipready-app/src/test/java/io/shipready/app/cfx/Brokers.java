package io.shipready.app.cfx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The message brokers the CFX tests may use: an AMQP 1.0 broker (RabbitMQ with its AMQP 1.0 plugin)
 * and an MQTT broker (Mosquitto), given by the system properties {@value #AMQP} and {@value #MQTT}
 * (.ci/run gives both). Without them, or when the broker does not answer, the tests are skipped and
 * say why.
 */
final class Brokers {
  static final String AMQP = "shipready.test.amqp.url";
  static final String MQTT = "shipready.test.mqtt.url";

  private Brokers() {}

  /** The AMQP broker, e.g. amqp://guest:guest@127.0.0.1:5672; skips the test without one. */
  static URI amqp() {
    return given(
        AMQP,
        "amqp://guest:guest@127.0.0.1:5672",
        "RabbitMQ with 'rabbitmq-plugins enable rabbitmq_amqp1_0'");
  }

  /** The MQTT broker, e.g. tcp://127.0.0.1:1883; skips the test without one. */
  static URI mqtt() {
    return given(MQTT, "tcp://127.0.0.1:1883", "Mosquitto");
  }

  private static URI given(String property, String example, String what) {
    String value = System.getProperty(property);
    String enable = "Run them with -D" + property + "=" + example + " (" + what + ").";
    if (value == null || value.isBlank()) {
      skip("CFX broker tests are skipped: no broker given. " + enable);
    }
    URI uri = URI.create(value.trim());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
    } catch (IOException unreachable) {
      skip(
          "CFX broker tests are skipped: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + " does not answer ("
              + unreachable.getMessage()
              + "). "
              + enable);
    }
    return uri;
  }

  private static void skip(String reason) {
    System.out.println(reason);
    assumeTrue(false, reason);
  }

  /** The password in the URI's user info, or null. */
  static String password(URI uri) {
    String info = uri.getUserInfo();
    return info == null || !info.contains(":") ? null : info.split(":", 2)[1];
  }

  /** The URI without its password, as a station configuration writes it. */
  static URI withoutPassword(URI uri, int port) {
    String info = uri.getUserInfo();
    String user = info == null ? "" : info.split(":", 2)[0] + "@";
    return URI.create(uri.getScheme() + "://" + user + uri.getHost() + ":" + port);
  }
}
