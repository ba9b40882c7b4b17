package io.shipready.core.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Messages for other systems (a MES listening for IPC-CFX), kept durably until a publisher has
 * handed each to its broker. They are written with the records they describe, so a broker that is
 * down, or a station that crashes, loses none; a message sent twice keeps its id, so a subscriber
 * recognises the repeat.
 */
public interface MessageOutbox {
  /** Up to {@code max} messages not yet delivered, oldest first. */
  List<OutgoingMessage> pending(int max);

  /** Marks the messages as handed to every broker; they are not offered again. */
  void delivered(List<OutgoingMessage> messages);

  /** The endpoint has come up; an outbox whose protocol announces that adds the message. */
  default void endpointConnected() {}

  /** The endpoint is going away; an outbox whose protocol announces that adds the message. */
  default void endpointShutdown() {}

  /**
   * One message as it goes on the wire.
   *
   * @param sequence the outbox's order: earlier messages have lower numbers
   * @param uniqueId the message's own id, the same on every resend
   * @param name the message's name, e.g. {@code CFX.Production.WorkStarted}
   * @param body the whole message as its transport carries it (for CFX, the JSON envelope)
   */
  record OutgoingMessage(long sequence, String uniqueId, String name, String body) {
    public OutgoingMessage {
      requireNonNull(uniqueId, "uniqueId");
      requireNonNull(name, "name");
      requireNonNull(body, "body");
    }
  }
}
