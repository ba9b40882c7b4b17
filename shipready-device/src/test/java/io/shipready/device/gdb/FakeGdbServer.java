package io.shipready.device.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written fake of an external peer: a GDB server (the role OpenOCD, J-Link's server or QEMU
 * play) on a loopback port, with 64 KiB of memory and the packets a programmer uses. It checks
 * every checksum it receives and can misbehave on request (a corrupted reply, silence, no binary
 * writes), so the client's framing, retransmission and timeouts are tested without a probe. The
 * real thing is exercised by the emulated tier against QEMU.
 */
public final class FakeGdbServer implements AutoCloseable {
  public final byte[] memory = new byte[64 * 1024];

  /** Acknowledges memory writes without keeping them, as flash that no longer takes writes. */
  public volatile boolean dropWrites;

  /** A memory map to offer; its flash (0x0 to 0x8000, 1 KiB blocks) then takes only vFlash. */
  volatile String memoryMap;

  final AtomicInteger flashErases = new AtomicInteger();

  final int packetSize;
  final boolean binaryWrites;
  final boolean noAck;
  final AtomicInteger largestPacket = new AtomicInteger();
  final AtomicInteger badChecksumsSeen = new AtomicInteger();
  volatile boolean corruptNextReply;
  volatile boolean silent;
  volatile boolean announceStopOnConnect;
  volatile String lastMonitorCommand;
  volatile Runnable onDetach = () -> {};
  final long[] registers = new long[17];
  private final ServerSocket server;
  private final Thread thread;
  private boolean acking = true;

  public FakeGdbServer(int packetSize, boolean binaryWrites, boolean noAck) throws IOException {
    this.packetSize = packetSize;
    this.binaryWrites = binaryWrites;
    this.noAck = noAck;
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "fake-gdb-server");
    thread.setDaemon(true);
    thread.start();
  }

  public Endpoint endpoint() {
    return new Endpoint("127.0.0.1", server.getLocalPort());
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        acking = true;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        if (announceStopOnConnect) {
          out.write(RspConnection.frame("T02thread:p01.01;".getBytes(StandardCharsets.ISO_8859_1)));
        }
        for (byte[] packet = readPacket(in, out); packet != null; packet = readPacket(in, out)) {
          if (silent) {
            continue;
          }
          String reply = handle(packet, in, out);
          if (reply != null) {
            sendReply(reply, in, out);
          }
        }
      } catch (IOException closed) {
        // the client went away; wait for the next one
      }
    }
  }

  private byte[] readPacket(InputStream in, OutputStream out) throws IOException {
    for (; ; ) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (b != '$') {
        continue; // acks, interrupts
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int sum = 0;
      for (int c = in.read(); c != '#'; c = in.read()) {
        if (c < 0) {
          return null;
        }
        body.write(c);
        sum += c;
      }
      int checksum = Integer.parseInt("" + (char) in.read() + (char) in.read(), 16);
      largestPacket.accumulateAndGet(body.size() + 4, Math::max);
      if ((sum & 0xFF) != checksum) {
        badChecksumsSeen.incrementAndGet();
        if (acking) {
          out.write('-');
        }
        continue;
      }
      if (acking) {
        out.write('+');
      }
      return body.toByteArray();
    }
  }

  private void sendReply(String reply, InputStream in, OutputStream out) throws IOException {
    byte[] frame = RspConnection.frame(reply.getBytes(StandardCharsets.ISO_8859_1));
    if (corruptNextReply) {
      corruptNextReply = false;
      byte[] bad = frame.clone();
      bad[bad.length - 1] = (byte) (bad[bad.length - 1] == '0' ? '1' : '0');
      out.write(bad);
      out.flush();
      if (acking && in.read() != '-') {
        throw new IOException("the client did not ask for a retransmission");
      }
    }
    out.write(frame);
    out.flush();
    if (acking) {
      in.read(); // the client's '+'
    }
  }

  private String handle(byte[] packet, InputStream in, OutputStream out) throws IOException {
    String text = new String(packet, StandardCharsets.ISO_8859_1);
    HexFormat hex = HexFormat.of();
    if (text.startsWith("qSupported")) {
      return "PacketSize="
          + Integer.toHexString(packetSize)
          + (noAck ? ";QStartNoAckMode+" : "")
          + (memoryMap != null ? ";qXfer:memory-map:read+" : "");
    }
    if (text.startsWith("qXfer:memory-map:read::") && memoryMap != null) {
      String[] range = text.substring(23).split(",");
      int offset = Integer.parseInt(range[0], 16);
      int length = Math.min(Integer.parseInt(range[1], 16), 100); // in parts, as servers do
      if (offset + length >= memoryMap.length()) {
        return "l" + memoryMap.substring(Math.min(offset, memoryMap.length()));
      }
      return "m" + memoryMap.substring(offset, offset + length);
    }
    if (text.startsWith("vFlashErase:")) {
      String[] range = text.substring(12).split(",");
      int address = Integer.parseInt(range[0], 16);
      int length = Integer.parseInt(range[1], 16);
      if (address % 0x400 != 0 || length % 0x400 != 0) {
        return "E01";
      }
      java.util.Arrays.fill(memory, address, address + length, (byte) 0xFF);
      flashErases.incrementAndGet();
      return "OK";
    }
    if (text.startsWith("vFlashWrite:")) {
      int colon = text.indexOf(':', 12);
      int at = Integer.parseInt(text.substring(12, colon), 16);
      for (int i = colon + 1; i < packet.length; i++) {
        int b = packet[i] & 0xFF;
        memory[at++] = (byte) (b == '}' ? (packet[++i] & 0xFF) ^ 0x20 : b);
      }
      return "OK";
    }
    if (text.equals("vFlashDone")) {
      return "OK";
    }
    if (text.equals("QStartNoAckMode")) {
      sendReply("OK", in, out);
      acking = false;
      return null;
    }
    if (text.equals("?")) {
      return "S05";
    }
    if (text.startsWith("m")) {
      String[] parts = text.substring(1).split(",");
      int address = Integer.parseInt(parts[0], 16);
      int length = Integer.parseInt(parts[1], 16);
      if (address + length > memory.length) {
        return "E14";
      }
      String data = hex.formatHex(memory, address, address + length);
      return runLength(data);
    }
    if (text.startsWith("M")) {
      int colon = text.indexOf(':');
      String[] parts = text.substring(1, colon).split(",");
      if (memoryMap != null && Integer.parseInt(parts[0], 16) < 0x8000) {
        return "E01"; // flash takes no plain writes on a probe server
      }
      byte[] data = hex.parseHex(text.substring(colon + 1));
      if (dropWrites) {
        return "OK";
      }
      System.arraycopy(data, 0, memory, Integer.parseInt(parts[0], 16), data.length);
      return "OK";
    }
    if (text.startsWith("X")) {
      if (!binaryWrites) {
        return "";
      }
      int colon = text.indexOf(':');
      String[] parts = text.substring(1, colon).split(",");
      int address = Integer.parseInt(parts[0], 16);
      int length = Integer.parseInt(parts[1], 16);
      int at = address;
      for (int i = colon + 1; i < packet.length; i++) {
        int b = packet[i] & 0xFF;
        memory[at++] = (byte) (b == '}' ? (packet[++i] & 0xFF) ^ 0x20 : b);
      }
      return at - address == length ? "OK" : "E01";
    }
    if (text.equals("g")) {
      StringBuilder all = new StringBuilder();
      for (long r : registers) {
        all.append(little(r));
      }
      return all.toString();
    }
    if (text.startsWith("P")) {
      int eq = text.indexOf('=');
      int number = Integer.parseInt(text.substring(1, eq), 16);
      byte[] value = hex.parseHex(text.substring(eq + 1));
      long v = 0;
      for (int i = value.length - 1; i >= 0; i--) {
        v = (v << 8) | (value[i] & 0xFF);
      }
      registers[number] = v;
      return "OK";
    }
    if (text.startsWith("qRcmd,")) {
      lastMonitorCommand = new String(hex.parseHex(text.substring(6)), StandardCharsets.UTF_8);
      if (lastMonitorCommand.equals("fail")) {
        return "E01";
      }
      sendReply("O" + hex.formatHex(("did " + lastMonitorCommand + "\n").getBytes()), in, out);
      return "OK";
    }
    if (text.equals("D")) {
      onDetach.run();
      return "OK";
    }
    return "";
  }

  private static String little(long value) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      hex.append(String.format("%02x", (value >>> (8 * i)) & 0xFF));
    }
    return hex.toString();
  }

  /** Compresses runs as real servers do: {@code 0*!} is seven zeros. */
  private static String runLength(String data) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < data.length(); ) {
      char c = data.charAt(i);
      int run = 1;
      while (i + run < data.length() && data.charAt(i + run) == c && run < 97) {
        run++;
      }
      int repeat = run - 1;
      // Counts that would encode as '#', '$' or '+'/'-' are not used; fall back to fewer.
      while (repeat >= 3
          && (repeat + 29 == '#'
              || repeat + 29 == '$'
              || repeat + 29 == '+'
              || repeat + 29 == '-')) {
        repeat--;
      }
      if (repeat >= 3) {
        out.append(c).append('*').append((char) (repeat + 29));
        i += repeat + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
