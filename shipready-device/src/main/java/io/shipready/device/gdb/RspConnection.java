package io.shipready.device.gdb;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The packet layer of the GDB remote serial protocol over TCP: {@code $payload#checksum} framing,
 * acknowledgements (until the server agrees to no-ack mode), retransmission on {@code -}, binary
 * escaping and run-length decoding. Every read has a timeout; every error names the server.
 *
 * <p>Not thread-safe: one connection serves one slot's steps, which run one debugger operation at a
 * time.
 */
public final class RspConnection implements AutoCloseable {
  private static final int RETRANSMITS = 3;

  private final Endpoint endpoint;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Duration timeout;
  private boolean ackMode = true;

  private RspConnection(Endpoint endpoint, Socket socket, Duration timeout) throws IOException {
    this.endpoint = endpoint;
    this.socket = socket;
    this.timeout = timeout;
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to a GDB server.
   *
   * @param timeout for the connection and for every reply afterwards
   */
  public static RspConnection open(Endpoint endpoint, Duration timeout) {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(timeout, "timeout");
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(
          new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      return new RspConnection(endpoint, socket, timeout);
    } catch (IOException failed) {
      closeQuietly(socket);
      throw new GdbRemoteException(
          "cannot connect to the GDB server at "
              + endpoint
              + ": "
              + failed.getMessage()
              + "; check that the probe server (OpenOCD, J-Link GDB server, pyOCD, QEMU -gdb)"
              + " is running there",
          failed);
    }
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** After the server accepted {@code QStartNoAckMode}: no more {@code +}/{@code -}. */
  void ackModeOff() {
    ackMode = false;
  }

  /** Sends a text packet and returns the reply's payload. */
  public String request(String payload) {
    return request(payload.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends a packet whose payload may hold binary data (already escaped) and returns the reply. */
  public String request(byte[] payload) {
    send(payload);
    return receive();
  }

  /** Sends a packet without waiting for a reply (e.g. continue, whose reply comes at a stop). */
  public void send(String payload) {
    send(payload.getBytes(StandardCharsets.ISO_8859_1));
  }

  void send(byte[] payload) {
    byte[] frame = frame(payload);
    for (int attempt = 0; ; attempt++) {
      try {
        out.write(frame);
        out.flush();
        if (!ackMode) {
          return;
        }
        int ack = readByte("the acknowledgement of " + describe(payload));
        while (ack != '+' && ack != '-') {
          if (ack == '$') {
            // A packet the server sent on its own before this one was read (QEMU reports the
            // halt it makes when a debugger attaches): take it, acknowledge it, drop it.
            skipPacket();
          }
          ack = readByte("the acknowledgement of " + describe(payload));
        }
        if (ack == '+') {
          return;
        }
        if (attempt >= RETRANSMITS) {
          throw new GdbRemoteException(
              "the GDB server at "
                  + endpoint
                  + " rejected "
                  + describe(payload)
                  + " "
                  + (attempt + 1)
                  + " times (bad checksum); the link is unreliable");
        }
      } catch (IOException failed) {
        throw broken("sending " + describe(payload), failed);
      }
    }
  }

  /** Sends the interrupt byte (Ctrl-C), which halts a running target. */
  public void interrupt() {
    try {
      out.write(0x03);
      out.flush();
    } catch (IOException failed) {
      throw broken("sending an interrupt", failed);
    }
  }

  /**
   * Reads the next packet and returns its payload, decoded (run-length expanded; binary escapes are
   * left for the caller, who knows whether the reply is binary). Notifications ({@code %...}) are
   * skipped.
   */
  public String receive() {
    for (int attempt = 0; ; attempt++) {
      int start;
      do {
        start = readByte("a reply");
      } while (start != '$' && start != '%');
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int sum = 0;
      for (int b = readByte("a reply"); b != '#'; b = readByte("a reply")) {
        body.write(b);
        sum += b;
      }
      int high = readByte("a checksum");
      int low = readByte("a checksum");
      boolean valid = (sum & 0xFF) == ((hexValue(high) << 4) | hexValue(low));
      if (start == '%') {
        continue; // asynchronous notification; not a reply, and never acknowledged
      }
      if (ackMode) {
        writeAck(valid ? '+' : '-');
      }
      if (valid || !ackMode) {
        if (!valid) {
          throw new GdbRemoteException(
              "a reply from the GDB server at " + endpoint + " has a bad checksum");
        }
        return expandRunLength(body.toByteArray());
      }
      if (attempt >= RETRANSMITS) {
        throw new GdbRemoteException(
            "the GDB server at " + endpoint + " sent " + (attempt + 1) + " corrupted replies");
      }
    }
  }

  /** Reads the stop reply after continue or interrupt, waiting up to the given time. */
  public String receive(Duration wait) {
    try {
      socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
      return receive();
    } catch (IOException failed) {
      throw broken("setting a timeout", failed);
    } finally {
      try {
        socket.setSoTimeout((int) timeout.toMillis());
      } catch (IOException ignored) {
        // The socket is broken; the next read says so.
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  static byte[] frame(byte[] payload) {
    byte[] frame = new byte[payload.length + 4];
    frame[0] = '$';
    int sum = 0;
    for (int i = 0; i < payload.length; i++) {
      frame[i + 1] = payload[i];
      sum += payload[i] & 0xFF;
    }
    frame[payload.length + 1] = '#';
    frame[payload.length + 2] = (byte) Character.forDigit((sum >> 4) & 0xF, 16);
    frame[payload.length + 3] = (byte) Character.forDigit(sum & 0xF, 16);
    return frame;
  }

  /** Escapes binary data for an {@code X} or {@code vFlashWrite} packet. */
  public static byte[] escape(byte[] data, int offset, int length) {
    ByteArrayOutputStream escaped = new ByteArrayOutputStream(length + length / 16 + 4);
    for (int i = offset; i < offset + length; i++) {
      int b = data[i] & 0xFF;
      if (b == '$' || b == '#' || b == '}' || b == '*') {
        escaped.write('}');
        escaped.write(b ^ 0x20);
      } else {
        escaped.write(b);
      }
    }
    return escaped.toByteArray();
  }

  /** {@code X*} decodes {@code X} repeated ({@code *} + count + 29): servers compress replies. */
  static String expandRunLength(byte[] body) {
    StringBuilder text = new StringBuilder(body.length);
    for (int i = 0; i < body.length; i++) {
      char c = (char) (body[i] & 0xFF);
      if (c == '*' && i > 0 && i + 1 < body.length) {
        int repeat = (body[++i] & 0xFF) - 29;
        char previous = text.charAt(text.length() - 1);
        for (int r = 0; r < repeat; r++) {
          text.append(previous);
        }
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private void skipPacket() {
    while (readByte("the end of a packet") != '#') {
      // the body of a packet nobody asked for
    }
    readByte("a checksum");
    readByte("a checksum");
    writeAck('+');
  }

  private void writeAck(int ack) {
    try {
      out.write(ack);
      out.flush();
    } catch (IOException failed) {
      throw broken("acknowledging a reply", failed);
    }
  }

  private int readByte(String waitingFor) {
    try {
      int b = in.read();
      if (b < 0) {
        throw new GdbRemoteException(
            "the GDB server at "
                + endpoint
                + " closed the connection while shipready waited for "
                + waitingFor
                + "; another debugger may hold the target, or the server stopped");
      }
      return b;
    } catch (SocketTimeoutException slow) {
      throw new GdbRemoteException(
          "no answer from the GDB server at "
              + endpoint
              + " within "
              + socketTimeoutText()
              + " while waiting for "
              + waitingFor
              + "; the probe or target may be hung");
    } catch (IOException failed) {
      throw broken("reading " + waitingFor, failed);
    }
  }

  private String socketTimeoutText() {
    try {
      return socket.getSoTimeout() + " ms";
    } catch (IOException unknown) {
      return timeout.toMillis() + " ms";
    }
  }

  private GdbRemoteException broken(String doing, IOException failed) {
    return new GdbRemoteException(
        "lost the GDB server at " + endpoint + " while " + doing + ": " + failed.getMessage(),
        failed);
  }

  private static int hexValue(int c) {
    int value = Character.digit(c, 16);
    return value < 0 ? 0x100 : value; // never matches a checksum byte, so the packet is refused
  }

  private static String describe(byte[] payload) {
    int end = 0;
    while (end < payload.length && end < 24 && payload[end] != ':' && payload[end] != ',') {
      end++;
    }
    return "packet '" + new String(payload, 0, end, StandardCharsets.ISO_8859_1) + "'";
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing left to do with a socket that will not close.
    }
  }
}
