package io.shipready.device.gdb;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One slot's target behind a GDB server. A debugger connection is opened when a step first needs it
 * (attaching halts the target) and kept for the steps that follow, until {@link #boot()} resets the
 * target and detaches so the firmware runs. Steps of one unit may run in parallel, so every
 * operation holds the target's lock: a debugger link carries one conversation at a time.
 */
public final class GdbTarget implements AutoCloseable {
  private final GdbTargetSettings settings;
  private GdbClient client;

  public GdbTarget(GdbTargetSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  public GdbTargetSettings settings() {
    return settings;
  }

  /** Writes memory; flash is erased and programmed as the server's memory map says. */
  public synchronized void writeMemory(long address, byte[] data) throws InterruptedException {
    client().program(address, data);
  }

  public synchronized byte[] readMemory(long address, int length) throws InterruptedException {
    return client().readMemory(address, length);
  }

  public synchronized String monitor(String command) {
    return client().monitor(command);
  }

  /**
   * Resets the target so it starts the firmware, and detaches so it runs: with the settings'
   * monitor reset command, or else by loading the stack pointer and reset vector from the vector
   * table into SP and PC.
   */
  public synchronized void boot() throws InterruptedException {
    GdbClient debugger = client();
    try {
      if (!settings.resetCommand().isEmpty()) {
        debugger.monitor(settings.resetCommand());
      } else {
        ByteBuffer vectors =
            ByteBuffer.wrap(debugger.readMemory(settings.vectorTable(), 8))
                .order(ByteOrder.LITTLE_ENDIAN);
        long sp = vectors.getInt(0) & 0xFFFFFFFFL;
        long pc = vectors.getInt(4) & 0xFFFFFFFEL; // the Thumb bit is not part of the address
        debugger.writeRegister(13, sp, 4);
        debugger.writeRegister(15, pc, 4);
      }
      debugger.detach();
    } finally {
      disconnect();
    }
  }

  /** Detaches (letting the target run) and closes the connection, if one is open. */
  @Override
  public synchronized void close() {
    if (client != null) {
      try {
        client.detach();
      } catch (GdbRemoteException gone) {
        // The server went away; nothing to detach from.
      }
      disconnect();
    }
  }

  private GdbClient client() {
    if (client == null) {
      client = GdbClient.connect(settings.endpoint(), settings.timeout());
    }
    return client;
  }

  private void disconnect() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
