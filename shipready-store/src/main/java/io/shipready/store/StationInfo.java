package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * The station whose runs a writer records: its id on the line, the computer it runs on, the
 * operator signed in, and its configuration (kept with the station so a record says how it ran).
 */
public record StationInfo(
    String stationId, String computerName, String operator, Map<String, String> config) {
  public StationInfo {
    requireNonNull(stationId, "stationId");
    if (stationId.isBlank()) {
      throw new IllegalArgumentException(
          "station id must not be blank: give each station a name, e.g. 'final-test-1'");
    }
    computerName = computerName == null ? "" : computerName;
    operator = operator == null ? "" : operator;
    config = config == null ? Map.of() : Map.copyOf(config);
  }

  /** The configuration sorted by key, as stored. */
  Map<String, String> sortedConfig() {
    return new TreeMap<>(config);
  }
}
