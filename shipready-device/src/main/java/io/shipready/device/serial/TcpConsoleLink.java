package io.shipready.device.serial;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.device.gdb.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A console over TCP: QEMU's {@code -serial tcp:...,server=on}, ser2net, a terminal server. */
public final class TcpConsoleLink implements ConsoleLink {
  static final int POLL_MILLIS = 50;

  private final Endpoint endpoint;
  private final Socket socket;

  private TcpConsoleLink(Endpoint endpoint, Socket socket) {
    this.endpoint = endpoint;
    this.socket = socket;
  }

  public static TcpConsoleLink open(Endpoint endpoint, Duration connectTimeout) {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(
          new InetSocketAddress(endpoint.host(), endpoint.port()), (int) connectTimeout.toMillis());
      socket.setSoTimeout(POLL_MILLIS);
      return new TcpConsoleLink(endpoint, socket);
    } catch (IOException failed) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // never connected
      }
      throw new DeviceUnreachableException(
          "cannot connect to the console at tcp "
              + endpoint
              + ": "
              + failed.getMessage()
              + "; check the slot map and that the console server is running");
    }
  }

  @Override
  public String describe() {
    return "tcp " + endpoint;
  }

  @Override
  public InputStream input() throws IOException {
    return socket.getInputStream();
  }

  @Override
  public OutputStream output() throws IOException {
    return socket.getOutputStream();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
