package io.shipready.device.gdb;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A debugger connection to one target over the GDB remote serial protocol, as OpenOCD, SEGGER's
 * J-Link GDB server, pyOCD, Black Magic Probe and QEMU's stub all speak it: negotiate the packet
 * size and no-ack mode, halt, read and write registers and memory in chunks the server accepts, run
 * monitor commands, resume, detach.
 */
public final class GdbClient implements AutoCloseable {
  /** The size GDB itself assumes when a server does not say (and the floor shipready uses). */
  static final int DEFAULT_PACKET_SIZE = 400;

  private static final HexFormat HEX = HexFormat.of();

  private final RspConnection connection;
  private int packetSize = DEFAULT_PACKET_SIZE;
  private boolean binaryWrites;
  private boolean binaryProbed;
  private boolean detached;
  private boolean memoryMapOffered;
  private List<FlashArea> flashAreas;

  private GdbClient(RspConnection connection) {
    this.connection = connection;
  }

  /**
   * Connects and negotiates: {@code qSupported} (packet size, no-ack mode), then {@code ?} so the
   * target reports why it is stopped (a server halts the target when a debugger attaches).
   */
  public static GdbClient connect(Endpoint endpoint, Duration timeout) {
    RspConnection connection = RspConnection.open(endpoint, timeout);
    GdbClient client = new GdbClient(connection);
    try {
      client.negotiate();
      return client;
    } catch (RuntimeException failed) {
      connection.close();
      throw failed;
    }
  }

  private void negotiate() {
    String features = connection.request("qSupported:multiprocess-;swbreak+;hwbreak+");
    boolean noAck = false;
    for (String feature : features.split(";")) {
      if (feature.startsWith("PacketSize=")) {
        try {
          packetSize =
              Math.max(DEFAULT_PACKET_SIZE, Integer.parseInt(feature.substring(11).strip(), 16));
        } catch (NumberFormatException ignored) {
          // Keep the default: a server that misstates its size still takes small packets.
        }
      } else if (feature.equals("QStartNoAckMode+")) {
        noAck = true;
      } else if (feature.equals("qXfer:memory-map:read+")) {
        memoryMapOffered = true;
      }
    }
    if (noAck && "OK".equals(connection.request("QStartNoAckMode"))) {
      connection.ackModeOff();
    }
    stopReason();
  }

  public Endpoint endpoint() {
    return connection.endpoint();
  }

  /** The largest packet the server takes, in bytes, as it reported it. */
  public int packetSize() {
    return packetSize;
  }

  /** Why the target is stopped ({@code S05}, {@code T05...}); halts it first when it runs. */
  public String stopReason() {
    String reply = connection.request("?");
    if (reply.startsWith("W") || reply.startsWith("X")) {
      throw new GdbRemoteException(
          "the target behind " + endpoint() + " has exited (" + reply + "); restart the server");
    }
    return reply;
  }

  /** Halts a running target and waits for it to stop. */
  public String halt(Duration wait) {
    connection.interrupt();
    return connection.receive(wait);
  }

  /** Reads all general registers ({@code g}), in the target's byte order. */
  public byte[] readRegisters() {
    return hexReply("g", connection.request("g"));
  }

  /** Writes one register ({@code P}); value is little-endian as the target stores it. */
  public void writeRegister(int number, long value, int bytes) {
    byte[] little = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      little[i] = (byte) (value >>> (8 * i));
    }
    String reply =
        connection.request("P" + Integer.toHexString(number) + "=" + HEX.formatHex(little));
    if (reply.isEmpty()) {
      // No P: change the register inside the whole register file and write it back with G.
      byte[] all = readRegisters();
      System.arraycopy(little, 0, all, number * bytes, bytes);
      expectOk("G", connection.request("G" + HEX.formatHex(all)));
      return;
    }
    expectOk("P" + Integer.toHexString(number), reply);
  }

  /** Reads target memory in chunks the server's packet size allows. */
  public byte[] readMemory(long address, int length) throws InterruptedException {
    ByteArrayOutputStream data = new ByteArrayOutputStream(length);
    int chunk = Math.max(16, (packetSize - 8) / 2);
    for (int done = 0; done < length; ) {
      checkInterrupted();
      int size = Math.min(chunk, length - done);
      String command = "m" + Long.toHexString(address + done) + "," + Integer.toHexString(size);
      byte[] part = hexReply(command, connection.request(command));
      if (part.length == 0) {
        throw new GdbRemoteException(
            "the GDB server at "
                + endpoint()
                + " returned no data for "
                + command
                + "; the address range may not be readable");
      }
      data.write(part, 0, Math.min(part.length, size));
      done += Math.min(part.length, size);
    }
    return data.toByteArray();
  }

  /**
   * Writes target memory: binary {@code X} packets where the server takes them, else hex {@code M},
   * each as large as the server's packet size allows.
   */
  public void writeMemory(long address, byte[] data) throws InterruptedException {
    requireNonNull(data, "data");
    if (!binaryProbed) {
      // An empty X write tells whether the server knows X; an empty reply means it does not.
      binaryWrites = "OK".equals(connection.request("X" + Long.toHexString(address) + ",0:"));
      binaryProbed = true;
    }
    int headroom = 32; // "X<address>,<length>:" and the framing
    for (int done = 0; done < data.length; ) {
      checkInterrupted();
      String header;
      byte[] payload;
      int size;
      if (binaryWrites) {
        // Escaping may grow the data; size the chunk so that the worst case still fits.
        size = Math.min(packetSize - headroom, data.length - done);
        byte[] escaped = RspConnection.escape(data, done, size);
        while (escaped.length > packetSize - headroom) {
          size = size * 3 / 4;
          escaped = RspConnection.escape(data, done, size);
        }
        header = "X" + Long.toHexString(address + done) + "," + Integer.toHexString(size) + ":";
        byte[] head = header.getBytes(StandardCharsets.ISO_8859_1);
        payload = new byte[head.length + escaped.length];
        System.arraycopy(head, 0, payload, 0, head.length);
        System.arraycopy(escaped, 0, payload, head.length, escaped.length);
      } else {
        size = Math.min((packetSize - headroom) / 2, data.length - done);
        header = "M" + Long.toHexString(address + done) + "," + Integer.toHexString(size) + ":";
        payload =
            (header + HEX.formatHex(data, done, done + size)).getBytes(StandardCharsets.ISO_8859_1);
      }
      String reply = connection.request(payload);
      if (!"OK".equals(reply)) {
        throw new GdbRemoteException(
            "the GDB server at "
                + endpoint()
                + " refused a write of "
                + size
                + " bytes at 0x"
                + Long.toHexString(address + done)
                + " ("
                + (reply.isEmpty() ? "not supported" : reply)
                + "); the address may not be writable memory");
      }
      done += size;
    }
  }

  /**
   * The flash areas of the server's memory map; empty when it sends none (QEMU's stub), in which
   * case memory writes program the flash directly.
   */
  public List<FlashArea> flashAreas() {
    if (flashAreas == null) {
      flashAreas = memoryMapOffered ? FlashArea.parse(readMemoryMap(), endpoint()) : List.of();
    }
    return flashAreas;
  }

  /**
   * Writes memory, programming flash the way the server expects: through {@code vFlashErase},
   * {@code vFlashWrite} and {@code vFlashDone} for a range inside a flash area of its memory map
   * (as OpenOCD, J-Link's server and pyOCD require), as plain memory writes elsewhere.
   */
  public void program(long address, byte[] data) throws InterruptedException {
    FlashArea area =
        flashAreas().stream()
            .filter(a -> a.contains(address, data.length))
            .findFirst()
            .orElse(null);
    if (area == null) {
      writeMemory(address, data);
      return;
    }
    long[] erase = area.eraseRange(address, data.length);
    expectOk(
        "vFlashErase",
        connection.request(
            "vFlashErase:" + Long.toHexString(erase[0]) + "," + Long.toHexString(erase[1])));
    int headroom = 32;
    for (int done = 0; done < data.length; ) {
      checkInterrupted();
      int size = Math.min(packetSize - headroom, data.length - done);
      byte[] escaped = RspConnection.escape(data, done, size);
      while (escaped.length > packetSize - headroom) {
        size = size * 3 / 4;
        escaped = RspConnection.escape(data, done, size);
      }
      byte[] head =
          ("vFlashWrite:" + Long.toHexString(address + done) + ":")
              .getBytes(StandardCharsets.ISO_8859_1);
      byte[] payload = new byte[head.length + escaped.length];
      System.arraycopy(head, 0, payload, 0, head.length);
      System.arraycopy(escaped, 0, payload, head.length, escaped.length);
      expectOk("vFlashWrite at 0x" + Long.toHexString(address + done), connection.request(payload));
      done += size;
    }
    expectOk("vFlashDone", connection.request("vFlashDone"));
  }

  private String readMemoryMap() {
    StringBuilder xml = new StringBuilder();
    for (int offset = 0; ; ) {
      String reply =
          connection.request(
              "qXfer:memory-map:read::"
                  + Integer.toHexString(offset)
                  + ","
                  + Integer.toHexString(packetSize - 8));
      if (reply.isEmpty() || reply.startsWith("E")) {
        throw new GdbRemoteException(
            "the GDB server at "
                + endpoint()
                + " offered a memory map but did not send it ("
                + (reply.isEmpty() ? "no reply" : reply)
                + ")");
      }
      String part = unescape(reply.substring(1));
      xml.append(part);
      offset += part.length();
      if (reply.charAt(0) == 'l' || part.isEmpty()) {
        return xml.toString();
      }
    }
  }

  private static String unescape(String binary) {
    StringBuilder text = new StringBuilder(binary.length());
    for (int i = 0; i < binary.length(); i++) {
      char c = binary.charAt(i);
      text.append(c == '}' && i + 1 < binary.length() ? (char) (binary.charAt(++i) ^ 0x20) : c);
    }
    return text.toString();
  }

  /**
   * Runs a monitor command ({@code qRcmd}, hex-encoded), e.g. {@code reset halt} on OpenOCD or
   * {@code system_reset} on QEMU, and returns what the server printed.
   */
  public String monitor(String command) {
    String hex = HEX.formatHex(command.getBytes(StandardCharsets.UTF_8));
    connection.send("qRcmd," + hex);
    StringBuilder output = new StringBuilder();
    for (String reply = connection.receive(); ; reply = connection.receive()) {
      if (reply.startsWith("O") && !reply.equals("OK")) {
        output.append(
            new String(hexReply("qRcmd output", reply.substring(1)), StandardCharsets.UTF_8));
        continue;
      }
      if (reply.equals("OK")) {
        return output.toString();
      }
      if (reply.isEmpty()) {
        throw new GdbRemoteException(
            "the GDB server at "
                + endpoint()
                + " has no monitor commands (monitor "
                + command
                + ")");
      }
      if (reply.startsWith("E")) {
        throw new GdbRemoteException(
            "the GDB server at "
                + endpoint()
                + " refused 'monitor "
                + command
                + "' ("
                + reply
                + ")"
                + (output.length() > 0 ? ": " + output.toString().strip() : ""));
      }
      // Some servers answer with the output itself, hex-encoded, instead of O packets.
      return output + new String(hexReply("qRcmd", reply), StandardCharsets.UTF_8);
    }
  }

  /** Detaches ({@code D}): the server lets the target run and forgets this debugger. */
  public void detach() {
    if (detached) {
      return;
    }
    detached = true;
    String reply = connection.request("D");
    if (!reply.equals("OK") && !reply.isEmpty()) {
      throw new GdbRemoteException(
          "the GDB server at " + endpoint() + " refused to detach (" + reply + ")");
    }
  }

  /** Kills the target ({@code k}): QEMU exits, a probe server resets or halts the chip. */
  public void kill() {
    detached = true;
    connection.send("k");
  }

  @Override
  public void close() {
    connection.close();
  }

  private void expectOk(String command, String reply) {
    if (!"OK".equals(reply)) {
      throw new GdbRemoteException(
          "the GDB server at "
              + endpoint()
              + " refused "
              + command
              + " ("
              + (reply.isEmpty() ? "not supported" : reply)
              + ")");
    }
  }

  private byte[] hexReply(String command, String reply) {
    if (reply.length() == 3 && reply.charAt(0) == 'E') {
      throw new GdbRemoteException(
          "the GDB server at " + endpoint() + " answered " + command + " with error " + reply);
    }
    try {
      return HEX.parseHex(reply.toLowerCase(Locale.ROOT).replace('x', '0'));
    } catch (IllegalArgumentException notHex) {
      throw new GdbRemoteException(
          "the GDB server at "
              + endpoint()
              + " answered "
              + command
              + " with '"
              + (reply.length() > 40 ? reply.substring(0, 40) + "..." : reply)
              + "', which is not hex data");
    }
  }

  private static void checkInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("debugger operation cancelled");
    }
  }
}
