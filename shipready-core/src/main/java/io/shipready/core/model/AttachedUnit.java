package io.shipready.core.model;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Device;

/** A unit put in a slot, numbered in the order units arrived at the station (from 1). */
public record AttachedUnit(int number, Device device) {
  public AttachedUnit {
    requireNonNull(device, "device");
  }
}
