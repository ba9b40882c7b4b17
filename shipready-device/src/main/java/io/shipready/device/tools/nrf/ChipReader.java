package io.shipready.device.tools.nrf;

import io.shipready.core.device.DeviceException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Identity;
import io.shipready.device.tools.MemoryDump;
import io.shipready.device.tools.ToolErrors;
import io.shipready.device.tools.ToolResult;
import java.util.List;
import java.util.Map;

/**
 * A Nordic chip's identity read from its FICR through a probe tool: the tool reads the two register
 * blocks ({@link Ficr}) and this turns its dump into the device id and MAC. Each tool says how it
 * reads memory and which words of its output mean the chip cannot be reached.
 */
public abstract class ChipReader implements Identity {
  private final String where;
  private final List<String> unreachable;

  /**
   * @param where the tool and probe, e.g. "nrfjprog on probe 683012345", for messages
   * @param unreachable phrases of the tool's output that mean probe or chip did not answer
   */
  protected ChipReader(String where, List<String> unreachable) {
    this.where = where;
    this.unreachable = List.copyOf(unreachable);
  }

  /** Runs the tool to read {@code bytes} bytes from {@code address}. */
  protected abstract ToolResult read(long address, int bytes) throws InterruptedException;

  @Override
  public List<Identifier> identifiers() throws InterruptedException {
    long[] id = words(Ficr.DEVICE_ID, Ficr.DEVICE_ID_WORDS);
    long[] address = words(Ficr.DEVICE_ADDRESS, Ficr.DEVICE_ADDRESS_WORDS);
    return Ficr.identifiers(id, address, where);
  }

  /** The chip reports no firmware versions through its registers; the station records its own. */
  @Override
  public Map<String, String> versions() {
    return Map.of();
  }

  private long[] words(long address, int count) throws InterruptedException {
    ToolResult result = read(address, count * 4);
    if (!result.succeeded()) {
      if (ToolErrors.mentions(result, List.of("readback protection", "protection", "secured"))) {
        throw new DeviceException(
            where
                + " cannot read the chip's FICR: its readback/access-port protection is on;"
                + " recover (erase) the chip first: "
                + ToolErrors.describe(result),
            true);
      }
      if (ToolErrors.mentions(result, unreachable)) {
        throw ToolErrors.unreachable(result, where + ": probe or chip not answering");
      }
      throw ToolErrors.failed(result);
    }
    return MemoryDump.words(result, address, count);
  }
}
