package io.shipready.core.spi;

import java.util.Map;

/**
 * Writes who a unit is into the unit itself: its serial and other identifiers into an identity
 * block in flash (over a debug probe), a configuration page, a key store. For chips whose own id
 * cannot tell units apart, or whose firmware must report the identity the factory gave it.
 */
public interface IdentityWriter extends Capability {
  /**
   * Writes the fields (name to value, in order) as the unit's identity, replacing what was there.
   *
   * @throws DeviceException when the unit cannot take them
   */
  void writeIdentity(Map<String, String> fields) throws InterruptedException;

  /** The identity the unit holds now; empty when none was written. */
  Map<String, String> readIdentity() throws InterruptedException;
}
