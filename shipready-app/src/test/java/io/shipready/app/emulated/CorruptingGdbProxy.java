package io.shipready.app.emulated;

import io.shipready.device.gdb.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A hand-written fake of a faulty link (a bad probe cable, a flash cell that does not take its
 * value): it relays a debugger's connection to a real GDB server and flips one bit of one byte in
 * the first memory write that carries the given target address, with a correct checksum, so neither
 * end can see it in the protocol. Only reading the flash back can.
 */
final class CorruptingGdbProxy implements AutoCloseable {
  private final ServerSocket server;
  private final Endpoint upstream;
  private final long address;
  private final AtomicBoolean flipped = new AtomicBoolean();

  CorruptingGdbProxy(Endpoint upstream, long address) throws IOException {
    this.upstream = upstream;
    this.address = address;
    this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "corrupting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Endpoint endpoint() {
    return new Endpoint("127.0.0.1", server.getLocalPort());
  }

  boolean flipped() {
    return flipped.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(upstream.host(), upstream.port());
        pipe("proxy-down", target.getInputStream(), client.getOutputStream(), false);
        pipe("proxy-up", client.getInputStream(), target.getOutputStream(), true);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pipe(String name, InputStream in, OutputStream out, boolean corrupt) {
    Thread thread =
        new Thread(
            () -> {
              try (in;
                  out) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                  if (b != '$' || !corrupt) {
                    out.write(b);
                    out.flush();
                    continue;
                  }
                  ByteArrayOutputStream body = new ByteArrayOutputStream();
                  for (int c = in.read(); c != '#' && c >= 0; c = in.read()) {
                    body.write(c);
                  }
                  in.read();
                  in.read(); // the checksum, recomputed below
                  out.write(frame(maybeFlip(body.toString(StandardCharsets.ISO_8859_1))));
                  out.flush();
                }
              } catch (IOException closed) {
                // one side went away
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  private String maybeFlip(String packet) {
    if (!packet.startsWith("M") || flipped.get()) {
      return packet;
    }
    int colon = packet.indexOf(':');
    String[] range = packet.substring(1, colon).split(",");
    long start = Long.parseLong(range[0], 16);
    long length = Long.parseLong(range[1], 16);
    if (address < start || address >= start + length) {
      return packet;
    }
    int at = colon + 1 + (int) (address - start) * 2;
    int value = Integer.parseInt(packet.substring(at, at + 2), 16) ^ 0x01;
    flipped.set(true);
    return packet.substring(0, at)
        + HexFormat.of().toHexDigits((byte) value)
        + packet.substring(at + 2);
  }

  private static byte[] frame(String payload) {
    int sum = 0;
    for (char c : payload.toCharArray()) {
      sum += c;
    }
    return ("$" + payload + "#" + HexFormat.of().toHexDigits((byte) sum))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
