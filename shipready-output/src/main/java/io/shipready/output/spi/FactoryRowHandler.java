package io.shipready.output.spi;

import io.shipready.output.config.StationIdentity;
import java.io.IOException;
import java.util.Map;

/** What a {@link FactoryFileReader} hands on, row by row, already checked. */
public interface FactoryRowHandler {
  /**
   * A unit a station made.
   *
   * @param fields the unit's fields by column name (identifiers such as {@code device_id}, image
   *     versions), in the file's order, without the station's identity
   * @param station the station that wrote the row
   */
  void unit(int line, Map<String, String> fields, StationIdentity station) throws IOException;

  /**
   * A measurement of a unit another file registers.
   *
   * @param quantity what was measured, e.g. {@code wifi} for a Wi-Fi RSSI
   * @param value the measured value
   * @param identifiers the unit's identifiers by name, e.g. {@code device_id}
   */
  void measurement(
      int line,
      String quantity,
      double value,
      Map<String, String> identifiers,
      StationIdentity station)
      throws IOException;
}
