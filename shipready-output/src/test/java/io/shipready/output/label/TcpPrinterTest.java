package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Against real sockets on the loopback interface: a listening printer, none, and a late one. */
class TcpPrinterTest {
  private static final String ZPL =
      Labels.render(Bundled.MODULE.path(), Bundled.MODULE.fields, 300).zpl();

  private static final Backoff QUICK =
      new Backoff(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500));

  private static TcpPrinter printer(int port, Backoff backoff) {
    return TcpPrinter.builder("127.0.0.1")
        .port(port)
        .connectTimeout(Duration.ofSeconds(1))
        .writeTimeout(Duration.ofSeconds(2))
        .backoff(backoff)
        .build();
  }

  /** Accepts one connection and returns everything sent on it. */
  private static CompletableFuture<byte[]> receiveOne(ServerSocket server) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket client = server.accept();
              InputStream in = client.getInputStream()) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  @Test
  void printerReceivesExactlyTheZpl() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> received = receiveOne(server);

      printer(server.getLocalPort(), Backoff.NONE).print(ZPL, "unit-1");

      assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(ZPL.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void offlinePrinterIsRetriedThenNamedInTheFailure() throws Exception {
    int port = freePort();
    TcpPrinter printer = printer(port, QUICK);
    long start = System.nanoTime();

    assertThatThrownBy(() -> printer.print(ZPL, "unit-2"))
        .isInstanceOfSatisfying(
            PrinterException.class,
            e -> {
              assertThat(e.printer()).isEqualTo("printer 127.0.0.1:" + port);
              assertThat(e.getMessage())
                  .startsWith(
                      "printer 127.0.0.1:"
                          + port
                          + " is offline: label 'unit-2' was not printed after ")
                  .containsPattern("after ([3-9]|\\d\\d+) tries over 0\\.[5-9] s")
                  .contains("reachable at 127.0.0.1:" + port + ", then print the label again");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void printerThatComesOnlineDuringTheRetryWindowGetsTheLabel() throws Exception {
    int port = freePort();
    TcpPrinter printer =
        printer(
            port,
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(5)));
    CompletableFuture<Void> printing =
        CompletableFuture.runAsync(() -> printer.print(ZPL, "unit-3"));

    Thread.sleep(300);
    assertThat(printing).isNotDone();
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      CompletableFuture<byte[]> received = receiveOne(server);

      printing.get(5, TimeUnit.SECONDS);
      assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(ZPL.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void printerThatStopsReadingTimesOut() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // Accepts but never reads: the socket buffers fill and the write stalls.
      CompletableFuture<Socket> stuck =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return server.accept();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      TcpPrinter printer =
          TcpPrinter.builder("127.0.0.1")
              .port(server.getLocalPort())
              .name("zebra on line 3")
              .writeTimeout(Duration.ofMillis(200))
              .backoff(Backoff.NONE)
              .build();
      String huge = "^XA" + "^FO0,0^FDX^FS".repeat(3_000_000) + "^XZ";

      try {
        assertThatThrownBy(() -> printer.print(huge, "unit-4"))
            .isInstanceOf(PrinterException.class)
            .hasMessageStartingWith(
                "zebra on line 3 is offline: label 'unit-4' was not printed after 1 try")
            .hasMessageContaining("the printer stopped taking data");
      } finally {
        stuck.get(5, TimeUnit.SECONDS).close();
      }
    }
  }
}
