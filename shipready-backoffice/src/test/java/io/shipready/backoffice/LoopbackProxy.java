package io.shipready.backoffice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback to a database server, which a test stops (every connection cut, new ones
 * refused) and starts again on the same port: the database going away and coming back, as the back
 * office sees it.
 */
final class LoopbackProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  private LoopbackProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = server.getLocalPort();
    accept(server);
  }

  /** A relay to the server of a {@code jdbc:postgresql://host:port/...} URL. */
  static LoopbackProxy to(String jdbcUrl) throws IOException {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return new LoopbackProxy(
        new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort()));
  }

  /** The same URL, through this relay. */
  String through(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return jdbcUrl.replaceFirst(
        "//" + uri.getRawAuthority(),
        "//" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port);
  }

  /** Cuts every connection and refuses new ones. */
  void stop() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  /** Takes connections again, on the same port. */
  void start() throws IOException {
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = again;
    accept(again);
  }

  private void accept(ServerSocket listening) {
    daemon(
        () -> {
          while (!listening.isClosed()) {
            try {
              Socket client = listening.accept();
              Socket upstream = new Socket(target.getAddress(), target.getPort());
              open.add(client);
              open.add(upstream);
              relay(client, upstream);
              relay(upstream, client);
            } catch (IOException e) {
              return;
            }
          }
        });
  }

  private void relay(Socket from, Socket to) {
    daemon(
        () -> {
          try (from;
              to) {
            from.getInputStream().transferTo(to.getOutputStream());
          } catch (IOException e) {
            // cut: both ends are closed
          }
        });
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "loopback-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
