package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Markings;
import java.util.Map;
import java.util.Optional;

/** The stickers and barcodes on a unit and its parts, as the fixture's camera reads them. */
public final class PrintedMarkings implements Markings {
  private final SimUnit unit;
  private final Map<String, String> markings;

  public PrintedMarkings(SimUnit unit, Map<String, String> markings) {
    this.unit = unit;
    this.markings = Map.copyOf(markings);
  }

  @Override
  public Optional<String> read(String marking) {
    requireNonNull(marking, "marking");
    unit.beginUninterruptibly("markings");
    return Optional.ofNullable(markings.get(marking));
  }
}
