package io.shipready.device.gdb;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.spi.IdentityWriter;
import java.util.Map;

/**
 * Writes the unit's identity block into its own flash page over the debugger, and reads it back
 * from the target. See {@link IdentityBlock} for the layout the firmware reads.
 */
public final class GdbIdentityWriter implements IdentityWriter {
  private final GdbTarget target;
  private final MemoryRegion page;

  public GdbIdentityWriter(GdbTarget target) {
    this.target = requireNonNull(target, "target");
    this.page = target.settings().identity();
    if (page == null) {
      throw new IllegalArgumentException(
          "the target at " + target.settings().endpoint() + " has no identity page configured");
    }
  }

  @Override
  public void writeIdentity(Map<String, String> fields) throws InterruptedException {
    target.writeMemory(page.address(), IdentityBlock.encode(fields, (int) page.size()));
  }

  @Override
  public Map<String, String> readIdentity() throws InterruptedException {
    byte[] header = target.readMemory(page.address(), IdentityBlock.HEADER);
    int length = IdentityBlock.length(header);
    if (length < 0) {
      return Map.of();
    }
    if (length > page.size()) {
      throw new FlashFailedException(
          "the identity block at 0x"
              + Long.toHexString(page.address())
              + " claims "
              + length
              + " bytes, more than its page holds; it is corrupt");
    }
    try {
      return IdentityBlock.decode(target.readMemory(page.address(), length));
    } catch (ShipreadyException corrupt) {
      throw new FlashFailedException(corrupt.getMessage());
    }
  }
}
