package io.shipready.device.serial;

import io.shipready.device.gdb.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A hand-written fake of an external peer: a unit's UART behind a TCP socket (the role QEMU's
 * serial port or ser2net plays), answering each line with what the given function returns (null: no
 * answer). It can echo commands and print lines on its own, as real firmware does.
 */
public final class FakeConsoleServer implements AutoCloseable {
  private final ServerSocket server;
  private final Function<String, String> firmware;
  private final boolean echo;
  private volatile OutputStream client;

  public FakeConsoleServer(Function<String, String> firmware, boolean echo) throws IOException {
    this.firmware = firmware;
    this.echo = echo;
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "fake-console");
    thread.setDaemon(true);
    thread.start();
  }

  public Endpoint endpoint() {
    return new Endpoint("127.0.0.1", server.getLocalPort());
  }

  /** Prints a line unasked (a boot message, a log line). */
  public void print(String line) {
    try {
      while (client == null) {
        Thread.onSpinWait();
      }
      client.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      client.flush();
    } catch (IOException gone) {
      // the console was closed
    }
  }

  private void serve() {
    try (Socket socket = server.accept()) {
      client = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        if (echo) {
          print(line);
        }
        String reply = firmware.apply(line);
        if (reply != null) {
          print(reply);
        }
      }
    } catch (IOException closed) {
      // test over
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
