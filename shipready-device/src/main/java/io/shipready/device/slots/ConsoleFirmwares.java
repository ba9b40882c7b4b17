package io.shipready.device.slots;

import io.shipready.device.spi.ConsoleFirmware;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@link ConsoleFirmware}s registered on the class path, by family: a family's firmware joins
 * by being registered; nothing here names one.
 */
final class ConsoleFirmwares {
  private ConsoleFirmwares() {}

  /** The firmware of the family, or empty when none is registered (or no family is given). */
  static Optional<ConsoleFirmware> find(String family) {
    if (family == null) {
      return Optional.empty();
    }
    return ServiceLoader.load(ConsoleFirmware.class, ConsoleFirmware.class.getClassLoader())
        .stream()
        .map(ServiceLoader.Provider::get)
        .filter(firmware -> firmware.family().equals(family))
        .findFirst();
  }
}
