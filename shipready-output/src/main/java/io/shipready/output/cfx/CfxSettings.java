package io.shipready.output.cfx;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Where an endpoint's CFX messages go. At least one broker is given. Passwords never come from a
 * configuration file: they are read from the environment ({@link #AMQP_PASSWORD_ENV}, {@link
 * #MQTT_PASSWORD_ENV}) when the publisher starts.
 *
 * @param handle the endpoint's CFX handle, the {@code Source} of every message it sends, e.g.
 *     {@code acme.shenzhen2.prog-01}
 * @param amqp the AMQP 1.0 broker, {@code amqp://[user@]host[:5672]} or {@code amqps://...}; null
 *     for none
 * @param amqpAddress the AMQP target address messages are sent to, e.g. {@code
 *     /exchange/amq.topic/cfx} on RabbitMQ
 * @param mqtt the MQTT broker, {@code tcp://[user@]host[:1883]} or {@code ssl://...}; null for none
 * @param mqttTopic the MQTT topic messages are published on
 */
public record CfxSettings(String handle, URI amqp, String amqpAddress, URI mqtt, String mqttTopic) {
  public static final String AMQP_PASSWORD_ENV = "SHIPREADY_CFX_AMQP_PASSWORD";
  public static final String MQTT_PASSWORD_ENV = "SHIPREADY_CFX_MQTT_PASSWORD";

  public CfxSettings {
    requireNonNull(handle, "handle");
    if (amqp == null && mqtt == null) {
      throw new IllegalArgumentException("CFX needs an AMQP or an MQTT broker");
    }
    if (amqp != null) {
      requireNonNull(amqpAddress, "amqpAddress");
    }
    if (mqtt != null && (mqttTopic == null || mqttTopic.isBlank())) {
      mqttTopic = defaultTopic(handle);
    }
  }

  /** The topic used when the configuration names none: {@code cfx/<handle>}. */
  public static String defaultTopic(String handle) {
    return "cfx/" + handle;
  }
}
