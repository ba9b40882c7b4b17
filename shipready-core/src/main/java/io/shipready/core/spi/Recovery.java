package io.shipready.core.spi;

import io.shipready.core.device.Image;
import java.util.List;

/** Reinstalls a device's operating system from recovery images. */
public interface Recovery extends Capability {
  void recover(List<Image> osComponents) throws InterruptedException;

  /** The OS components installed now, as image ids. */
  List<String> osComponentImageIds() throws InterruptedException;

  /**
   * The OS components installed now, as component ids: the vendor names a component that must not
   * ship (the RF test server) by its component id, whatever image of it is installed. Empty for a
   * device that reports image ids only.
   */
  default List<String> osComponentIds() throws InterruptedException {
    return List.of();
  }
}
