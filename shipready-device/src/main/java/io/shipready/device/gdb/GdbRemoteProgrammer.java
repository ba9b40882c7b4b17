package io.shipready.device.gdb;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.spi.Programmer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Programs a target's flash through a GDB server: the image goes into its region's address range in
 * packets as large as the server takes, and the read-back hashes exactly the bytes written, read
 * from the target again. Works with any server whose memory writes reach flash (QEMU's stub, or a
 * probe server configured to program flash on memory writes).
 */
public final class GdbRemoteProgrammer implements Programmer {
  private final GdbTarget target;
  private final Map<String, Written> written = new ConcurrentHashMap<>();

  private record Written(int length, String version) {}

  public GdbRemoteProgrammer(GdbTarget target) {
    this.target = requireNonNull(target, "target");
  }

  @Override
  public void write(Image image) throws InterruptedException {
    MemoryRegion region = region(image.name());
    if (image.size() > region.size()) {
      throw new FlashFailedException(
          image + " does not fit region " + region + " of the target at " + endpoint());
    }
    written.remove(image.name());
    try {
      target.writeMemory(region.address(), image.content());
    } catch (GdbRemoteException failed) {
      throw new GdbRemoteException(
          "programming " + image + " into " + region + ": " + failed.getMessage(), failed);
    }
    written.put(image.name(), new Written(image.content().length, image.version()));
  }

  @Override
  public String readBackSha256(String regionName) throws InterruptedException {
    MemoryRegion region = region(regionName);
    Written last = written.get(regionName);
    if (last == null) {
      return "";
    }
    return Image.sha256Hex(target.readMemory(region.address(), last.length()));
  }

  @Override
  public String version(String regionName) {
    region(regionName);
    Written last = written.get(regionName);
    return last == null ? "" : last.version();
  }

  private MemoryRegion region(String name) {
    return target
        .settings()
        .region(name)
        .orElseThrow(
            () ->
                new ShipreadyException(
                    "the target at "
                        + endpoint()
                        + " has no flash region '"
                        + name
                        + "'; its regions are "
                        + target.settings().regions().stream()
                            .map(MemoryRegion::toString)
                            .collect(Collectors.joining(", "))
                        + " (name one of them in the recipe's flash step, or add it to the slot"
                        + " map)"));
  }

  private Endpoint endpoint() {
    return target.settings().endpoint();
  }
}
