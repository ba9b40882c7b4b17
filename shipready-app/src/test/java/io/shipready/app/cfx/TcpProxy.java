package io.shipready.app.cfx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a loopback port of its own, in front of a real broker, that a test takes down
 * (refusing connections and cutting the open ones, as a broker outage does) and brings back up on
 * the same port — without touching the broker the machine runs.
 */
final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;
  private int port;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    up();
  }

  int port() {
    return port;
  }

  /** Accepts connections (again, on the same port). */
  synchronized void up() throws IOException {
    if (server != null) {
      return;
    }
    ServerSocket listening = new ServerSocket();
    listening.setReuseAddress(true);
    listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    port = listening.getLocalPort();
    server = listening;
    Thread accept = new Thread(() -> accept(listening), "proxy-accept-" + port);
    accept.setDaemon(true);
    accept.start();
  }

  /** Refuses connections and cuts every open one. */
  synchronized void down() throws IOException {
    ServerSocket listening = server;
    server = null;
    if (listening != null) {
      listening.close();
    }
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(broker);
        pipe(client, broker);
        pipe(broker, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread copy =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException cut) {
                // The proxy went down, or one side hung up.
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // Closing either way.
                }
              }
            },
            "proxy-pipe");
    copy.setDaemon(true);
    copy.start();
  }

  @Override
  public void close() throws IOException {
    down();
  }
}
