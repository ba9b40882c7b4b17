package io.shipready.output.cfx;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.MessageOutbox;
import io.shipready.core.spi.MessageOutbox.OutgoingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains an endpoint's CFX outbox to its brokers on a thread of its own. Messages go in outbox
 * order; each is marked delivered once every broker has taken it. While a broker is away the
 * publisher waits, doubling the wait up to {@link #MAX_BACKOFF}, and tries again: nothing is
 * dropped, and a message that was taken by a broker but not yet marked (a crash, an outage
 * half-way) is sent again with the same UniqueID.
 */
public final class CfxPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CfxPublisher.class);

  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Duration IDLE_POLL = Duration.ofMillis(100);
  private static final int BATCH = 200;
  private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(15);
  private static final Duration AWAY_DRAIN = Duration.ofSeconds(2);

  private final MessageOutbox outbox;
  private final List<CfxTransport> transports;
  private final Thread thread;
  private final Object wake = new Object();
  private volatile boolean stopping;
  private volatile long drainUntilNanos;
  private volatile long deliveredCount;
  private volatile String lastProblem;

  CfxPublisher(MessageOutbox outbox, List<CfxTransport> transports) {
    this.outbox = requireNonNull(outbox, "outbox");
    this.transports = List.copyOf(transports);
    this.thread = new Thread(this::run, "shipready-cfx-publisher");
    thread.setDaemon(true);
  }

  /**
   * Announces the endpoint (EndpointConnected, into the outbox) and starts publishing the outbox to
   * the brokers the settings name; passwords are read with {@code environment} (normally {@link
   * System#getenv}).
   */
  public static CfxPublisher start(
      MessageOutbox outbox, CfxSettings settings, Function<String, String> environment) {
    requireNonNull(settings, "settings");
    List<CfxTransport> transports = new ArrayList<>();
    if (settings.amqp() != null) {
      transports.add(
          new AmqpTransport(
              settings.amqp(),
              settings.amqpAddress(),
              environment.apply(CfxSettings.AMQP_PASSWORD_ENV)));
    }
    if (settings.mqtt() != null) {
      transports.add(
          new MqttTransport(
              settings.mqtt(),
              settings.mqttTopic(),
              environment.apply(CfxSettings.MQTT_PASSWORD_ENV)));
    }
    CfxPublisher publisher = new CfxPublisher(outbox, transports);
    outbox.endpointConnected();
    publisher.thread.start();
    return publisher;
  }

  /** How many messages this publisher has delivered. */
  public long delivered() {
    return deliveredCount;
  }

  /** Why the last attempt failed, or null while the brokers take messages. */
  public String lastProblem() {
    return lastProblem;
  }

  /** Wakes the publisher now rather than at its next poll (new messages are in the outbox). */
  public void poke() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void run() {
    long backoffMillis = FIRST_BACKOFF.toMillis();
    int failures = 0;
    while (true) {
      List<OutgoingMessage> batch;
      try {
        batch = outbox.pending(BATCH);
      } catch (RuntimeException storeProblem) {
        log.warn("cannot read the CFX outbox ({}); trying again", storeProblem.getMessage());
        if (!pause(MAX_BACKOFF.toMillis()) || drainOver()) {
          break;
        }
        continue;
      }
      if (batch.isEmpty()) {
        if (stopping) {
          break;
        }
        if (!pause(IDLE_POLL.toMillis())) {
          break;
        }
        continue;
      }
      if (drainOver()) {
        log.warn("stopping with CFX messages still in the outbox; they are sent at the next start");
        break;
      }
      List<OutgoingMessage> sent = new ArrayList<>(batch.size());
      CfxTransport failing = null;
      try {
        for (OutgoingMessage message : batch) {
          for (CfxTransport transport : transports) {
            failing = transport;
            transport.send(message);
          }
          failing = null;
          sent.add(message);
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception | LinkageError broken) {
        markDelivered(sent);
        failures++;
        String problem = describe(failing, broken);
        if (failures == 1 || failures % 50 == 0) {
          log.warn(
              "cannot hand CFX messages to {}; they wait in the outbox, trying again"
                  + " (attempt {})",
              problem,
              failures);
        }
        lastProblem = problem;
        transports.forEach(CfxTransport::close);
        if (!pause(backoffMillis) || drainOver()) {
          break;
        }
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        continue;
      }
      markDelivered(sent);
      if (failures > 0) {
        log.info("CFX brokers take messages again after {} failed attempts", failures);
      }
      failures = 0;
      lastProblem = null;
      backoffMillis = FIRST_BACKOFF.toMillis();
    }
    transports.forEach(CfxTransport::close);
  }

  private void markDelivered(List<OutgoingMessage> sent) {
    if (sent.isEmpty()) {
      return;
    }
    try {
      outbox.delivered(sent);
      deliveredCount += sent.size();
    } catch (RuntimeException storeProblem) {
      // They go again later, with the same ids: a repeat, never a loss.
      log.warn("cannot mark CFX messages delivered ({})", storeProblem.getMessage());
    }
  }

  private static String describe(CfxTransport transport, Throwable broken) {
    Throwable root = broken;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return (transport == null ? "the broker" : transport.describe()) + " (" + why + ")";
  }

  /** Waits, or until woken; false when interrupted. */
  private boolean pause(long millis) {
    synchronized (wake) {
      try {
        wake.wait(millis);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** True once the publisher is stopping and its time to drain the outbox has run out. */
  private boolean drainOver() {
    return stopping && System.nanoTime() > drainUntilNanos;
  }

  /**
   * Announces the endpoint's shutdown, sends what is still in the outbox (for up to {@link
   * #DRAIN_ON_CLOSE} while brokers answer; {@link #AWAY_DRAIN} when the last attempt failed), then
   * stops. Whatever is left stays in the outbox for the next start.
   */
  @Override
  public void close() {
    close(DRAIN_ON_CLOSE);
  }

  /** As {@link #close()}, draining for at most {@code drain}. */
  public void close(Duration drain) {
    try {
      outbox.endpointShutdown();
    } catch (RuntimeException storeProblem) {
      log.warn("cannot add EndpointShutdown to the CFX outbox ({})", storeProblem.getMessage());
    }
    // A broker already away gets one more try, not the whole wait: the outbox keeps the rest.
    Duration window = lastProblem != null && drain.compareTo(AWAY_DRAIN) > 0 ? AWAY_DRAIN : drain;
    drainUntilNanos = System.nanoTime() + window.toNanos();
    stopping = true;
    poke();
    try {
      thread.join(window.toMillis() + TimeUnit.SECONDS.toMillis(15));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
