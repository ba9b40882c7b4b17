package io.shipready.core.spi;

import java.util.Optional;

/**
 * What is printed on a unit and its components (a serial sticker, component barcodes) as a fixture
 * camera or the simulator can read it. On a line without one, the operator scans instead.
 */
public interface Markings extends Capability {
  /** The text of the named marking: "serial", "component:<reference>"... */
  Optional<String> read(String marking) throws InterruptedException;
}
