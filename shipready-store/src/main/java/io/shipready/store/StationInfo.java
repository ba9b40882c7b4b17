package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * The station whose runs a writer records: its id on the line, the computer it runs on, the
 * operator signed in, and its configuration (kept with the station so a record says how it ran).
 *
 * @param stationPackage the installed station package the station runs from, recorded with every
 *     run; null when its recipe is not from a package
 */
public record StationInfo(
    String stationId,
    String computerName,
    String operator,
    Map<String, String> config,
    StationPackage stationPackage) {
  public StationInfo(
      String stationId, String computerName, String operator, Map<String, String> config) {
    this(stationId, computerName, operator, config, null);
  }

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
