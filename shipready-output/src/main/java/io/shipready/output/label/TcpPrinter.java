package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A printer on the network that takes raw ZPL on a TCP port (9100 on Zebra printers). While it is
 * offline (connection refused, no answer, a write that stalls) {@link #print} waits and tries again
 * as its {@link Backoff} says, then fails naming the printer.
 *
 * <p>A try that fails part-way through writing is sent again in full: a printer discards a format
 * that never reached its {@code ^XZ}, and a second copy of the same label is better than none.
 */
public final class TcpPrinter implements LabelPrinter {
  public static final int RAW_PORT = 9100;

  private static final Logger LOG = LoggerFactory.getLogger(TcpPrinter.class);

  private final String host;
  private final int port;
  private final String name;
  private final Duration connectTimeout;
  private final Duration writeTimeout;
  private final Backoff backoff;

  private TcpPrinter(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.name = builder.name != null ? builder.name : "printer " + host + ":" + port;
    this.connectTimeout = builder.connectTimeout;
    this.writeTimeout = builder.writeTimeout;
    this.backoff = builder.backoff;
  }

  public static Builder builder(String host) {
    return new Builder(host);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void print(String zpl, String jobName) {
    requireNonNull(zpl, "zpl");
    requireNonNull(jobName, "jobName");
    byte[] data = zpl.getBytes(StandardCharsets.UTF_8);
    long start = System.nanoTime();
    long deadline = start + backoff.giveUpAfter().toNanos();
    for (int attempt = 1; ; attempt++) {
      IOException failure;
      try {
        send(data);
        if (attempt > 1) {
          LOG.info("{} took label '{}' on attempt {}", name, jobName, attempt);
        }
        return;
      } catch (UnknownHostException unknown) {
        throw new PrinterException(
            name,
            name
                + ": the host '"
                + host
                + "' is unknown, so label '"
                + jobName
                + "' was not printed; check the printer's address in the station settings",
            unknown);
      } catch (IOException offline) {
        failure = offline;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw gaveUp(jobName, attempt, System.nanoTime() - start, failure);
      }
      long wait = Math.min(backoff.delayAfter(attempt).toNanos(), left);
      LOG.warn(
          "{} is offline ({}); trying label '{}' again in {} ms",
          name,
          describe(failure),
          jobName,
          TimeUnit.NANOSECONDS.toMillis(wait));
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new PrinterException(
            name,
            name + ": stopped while waiting for the printer; label '" + jobName + "' not printed",
            interrupted);
      }
    }
  }

  private PrinterException gaveUp(String jobName, int attempts, long nanos, IOException last) {
    return new PrinterException(
        name,
        name
            + " is offline: label '"
            + jobName
            + "' was not printed after "
            + attempts
            + (attempts == 1 ? " try" : " tries")
            + " over "
            + seconds(nanos)
            + " ("
            + describe(last)
            + "). Check that the printer is switched on, online, loaded with labels and"
            + " reachable at "
            + host
            + ":"
            + port
            + ", then print the label again",
        last);
  }

  private void send(byte[] data) throws IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new UnknownHostException(host);
    }
    try (SocketChannel channel = SocketChannel.open();
        Selector selector = Selector.open()) {
      channel.configureBlocking(false);
      SelectionKey key = channel.register(selector, 0);
      connect(channel, selector, key, address);
      write(channel, selector, key, ByteBuffer.wrap(data));
      channel.shutdownOutput();
    }
  }

  private void connect(
      SocketChannel channel, Selector selector, SelectionKey key, InetSocketAddress address)
      throws IOException {
    if (channel.connect(address)) {
      return;
    }
    key.interestOps(SelectionKey.OP_CONNECT);
    long deadline = System.nanoTime() + connectTimeout.toNanos();
    while (!channel.finishConnect()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("no answer within " + seconds(connectTimeout.toNanos()));
      }
      selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      selector.selectedKeys().clear();
    }
  }

  private void write(SocketChannel channel, Selector selector, SelectionKey key, ByteBuffer data)
      throws IOException {
    key.interestOps(SelectionKey.OP_WRITE);
    long deadline = System.nanoTime() + writeTimeout.toNanos();
    while (data.hasRemaining()) {
      if (channel.write(data) > 0) {
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException(
            "the printer stopped taking data; "
                + data.remaining()
                + " bytes unsent after "
                + seconds(writeTimeout.toNanos()));
      }
      selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      selector.selectedKeys().clear();
    }
  }

  private static String describe(IOException failure) {
    String message = failure.getMessage();
    String kind = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : message;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  /** The settings of a {@link TcpPrinter}; everything but the host has a default. */
  public static final class Builder {
    private final String host;
    private int port = RAW_PORT;
    private String name;
    private Duration connectTimeout = Duration.ofSeconds(3);
    private Duration writeTimeout = Duration.ofSeconds(10);
    private Backoff backoff = Backoff.DEFAULT;

    private Builder(String host) {
      this.host = requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("printer host is blank; give its name or IP address");
      }
    }

    /** Default 9100, the raw printing port. */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("printer port " + port + " is not 1 to 65535");
      }
      this.port = port;
      return this;
    }

    /** How messages name the printer; default "printer host:port". */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    /** How long one try waits for the printer to accept the connection; default 3 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long one try may take to write the label; default 10 s. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive(timeout, "writeTimeout");
      return this;
    }

    /** How long to keep trying an offline printer; default {@link Backoff#DEFAULT}. */
    public Builder backoff(Backoff backoff) {
      this.backoff = requireNonNull(backoff, "backoff");
      return this;
    }

    public TcpPrinter build() {
      return new TcpPrinter(this);
    }

    private static Duration positive(Duration timeout, String what) {
      requireNonNull(timeout, what);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(what + " must be more than zero, not " + timeout);
      }
      return timeout;
    }
  }
}
