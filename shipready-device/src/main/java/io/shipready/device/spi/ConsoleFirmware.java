package io.shipready.device.spi;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Console;
import java.util.Map;
import java.util.Set;

/**
 * What a device family's firmware tells and does over its serial console, for slots whose driver
 * reaches the unit through a tool that cannot ask it (a debug probe programs the chip but does not
 * know the ids the firmware reports). Each family registers one in {@code
 * META-INF/services/io.shipready.device.spi.ConsoleFirmware}; a slot map slot with a {@code
 * console} and a {@code family} gets the capabilities of its family's firmware that its driver
 * lacks.
 *
 * <p>Implementations have a public no-argument constructor and keep no state.
 */
public interface ConsoleFirmware {
  /** The family's name as slot maps and recipes write it, e.g. afero-asr. */
  String family();

  /** What {@link #over} gives every unit, known before any unit is attached. */
  Set<Class<? extends Capability>> capabilities();

  /** The capabilities of the unit whose firmware answers on {@code console}. */
  Map<Class<? extends Capability>, Capability> over(Console console);
}
