package io.shipready.core.spi;

import io.shipready.core.device.Image;
import java.util.List;

/** Reinstalls a device's operating system from recovery images. */
public interface Recovery extends Capability {
  void recover(List<Image> osComponents) throws InterruptedException;

  /** The OS components installed now, as image ids. */
  List<String> osComponentImageIds() throws InterruptedException;
}
