package io.shipready.output.config;

import static java.util.Objects.requireNonNull;

/**
 * Who made a unit, where and on what: the fields the vendor asks for in every record (Afero's
 * partNo, manufacturer, factory, station id and hw version).
 */
public record StationIdentity(
    String partNo, String manufacturer, String factory, String stationId, String hwVersion) {
  public StationIdentity {
    requireText(partNo, "partNo");
    requireText(manufacturer, "manufacturer");
    requireText(factory, "factory");
    requireText(stationId, "stationId");
    requireText(hwVersion, "hwVersion");
  }

  static void requireText(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
