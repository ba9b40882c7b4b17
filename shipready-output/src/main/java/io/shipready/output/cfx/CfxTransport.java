package io.shipready.output.cfx;

import io.shipready.core.spi.MessageOutbox.OutgoingMessage;

/**
 * One broker a publisher hands messages to. {@link #send} returns only once the broker has taken
 * the message (AMQP: accepted; MQTT: acknowledged at QoS 1); any failure throws, and the publisher
 * then closes the transport and sends again later over a new connection.
 */
interface CfxTransport extends AutoCloseable {
  void send(OutgoingMessage message) throws Exception;

  /** The broker as it can be shown: without a password. */
  String describe();

  /** Drops the connection, if there is one; the next send connects again. */
  @Override
  void close();
}
