package io.shipready.device.emulated;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.device.gdb.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One emulated nRF51 unit: a {@code qemu-system-arm -M microbit} process, halted at reset, with its
 * GDB server and its UART on loopback TCP ports of its own. Its flash starts empty; the station
 * programs it like a real chip.
 */
public final class QemuUnit implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final String slot;
  private final Process process;
  private final Endpoint gdb;
  private final Endpoint console;
  private final Path log;

  private QemuUnit(String slot, Process process, Endpoint gdb, Endpoint console, Path log) {
    this.slot = slot;
    this.process = process;
    this.gdb = gdb;
    this.console = console;
    this.log = log;
  }

  /**
   * Starts the process and waits until its GDB server takes connections.
   *
   * @param qemu the qemu-system-arm executable
   * @param workDir where the process's output is kept ({@code qemu-<slot>.log})
   * @throws ShipreadyException when QEMU is missing, exits, or does not listen within the wait
   */
  public static QemuUnit start(String slot, String qemu, Path workDir, Duration readyWithin)
      throws InterruptedException {
    requireNonNull(slot, "slot");
    for (int attempt = 1; ; attempt++) {
      int gdbPort = freePort();
      int consolePort = freePort();
      Path log = workDir.resolve("qemu-" + slot + ".log");
      List<String> command =
          List.of(
              qemu,
              "-M",
              "microbit",
              "-S",
              "-gdb",
              "tcp:" + LOOPBACK + ":" + gdbPort,
              "-serial",
              "tcp:" + LOOPBACK + ":" + consolePort + ",server=on,wait=off",
              "-nographic",
              "-monitor",
              "none");
      Process process;
      try {
        Files.createDirectories(workDir);
        process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
      } catch (IOException notStarted) {
        throw new ShipreadyException(
            "cannot start "
                + qemu
                + " for slot "
                + slot
                + ": "
                + notStarted.getMessage()
                + "; install it (Debian/Ubuntu: apt-get install qemu-system-arm) or name it with"
                + " --qemu");
      }
      QemuUnit unit =
          new QemuUnit(
              slot,
              process,
              new Endpoint(LOOPBACK, gdbPort),
              new Endpoint(LOOPBACK, consolePort),
              log);
      if (unit.awaitListening(readyWithin)) {
        return unit;
      }
      unit.close();
      // Another program may have taken a port between choosing it and QEMU binding it: retry.
      if (attempt >= 3) {
        throw new ShipreadyException(
            "QEMU for slot "
                + slot
                + " did not start listening within "
                + readyWithin.toMillis()
                + " ms: "
                + unit.logTail());
      }
    }
  }

  public String slot() {
    return slot;
  }

  public Endpoint gdb() {
    return gdb;
  }

  public Endpoint console() {
    return console;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  private boolean awaitListening(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      if (accepts(gdb) && accepts(console)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static boolean accepts(Endpoint endpoint) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  String logTail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      return text.isEmpty()
          ? "it printed nothing (log " + log + ")"
          : text.substring(Math.max(0, text.length() - 400));
    } catch (IOException unreadable) {
      return "no log";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(LOOPBACK, 0));
      return socket.getLocalPort();
    } catch (IOException failed) {
      throw new ShipreadyException("cannot find a free loopback port: " + failed.getMessage());
    }
  }

  /** Stops the process (and waits for it), so no emulator outlives its station. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException stop) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
