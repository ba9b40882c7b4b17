package io.shipready.core.spi;

import java.util.Optional;

/** Persistent device settings and flags (for example Particle's setup-done flag). */
public interface Settings extends Capability {
  void set(String name, String value) throws InterruptedException;

  Optional<String> get(String name) throws InterruptedException;
}
