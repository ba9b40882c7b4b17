package io.shipready.core.spi;

import io.shipready.core.model.Identifier;
import java.util.List;

/** Reads the identifiers a device knows about itself (device id, IMEI, ICCID, MAC...). */
public interface Identity extends Capability {
  List<Identifier> identifiers() throws InterruptedException;

  /** Firmware and hardware versions as the device reports them: name to version. */
  java.util.Map<String, String> versions() throws InterruptedException;
}
