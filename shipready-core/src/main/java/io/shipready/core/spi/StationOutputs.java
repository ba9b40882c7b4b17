package io.shipready.core.spi;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.QueuedRow;
import java.nio.file.Path;

/**
 * What a station puts out for a unit besides its record: labels on its printer and rows in its
 * factory files. The station's configuration decides the printer and the output folder; the recipe
 * decides which template and which file. Both take the unit's fields from the run so far
 * (identifiers, images written, measurements, attributes).
 */
public interface StationOutputs {
  /** For a station started without a configuration: every output step stops with the fix. */
  StationOutputs NONE =
      new StationOutputs() {
        @Override
        public PrintedLabel printLabel(
            String runId, Path template, int copies, java.util.Map<String, String> with) {
          throw missing("print a label");
        }

        @Override
        public QueuedRow queueRow(
            String runId, String stepId, String file, java.util.Map<String, String> with) {
          throw missing("write a factory file row");
        }

        private ShipreadyException missing(String what) {
          return new ShipreadyException(
              "this station has no station configuration, so it cannot "
                  + what
                  + "; start it with --config <station-config.yaml> (the line profile has a"
                  + " template to copy)");
        }
      };

  /**
   * Renders the template with the run's fields and prints it, returning once the printer took it.
   *
   * @param copies copies to print, or 0 for the template's own count
   * @param with values the recipe gives for fields the run does not have by these names
   * @throws ShipreadyException when the label cannot be rendered or the printer stays unreachable
   */
  PrintedLabel printLabel(
      String runId, Path template, int copies, java.util.Map<String, String> with);

  /**
   * Queues the run's row for the factory file of the given kind, durably, after checking it has
   * every field the file needs. The row reaches the day's file only once the run's PASS is stored
   * for good (a run that ends otherwise, or whose record is lost, gets no row), and only when the
   * file has no row of the same unit yet (a retest's later PASS is held in the records instead).
   *
   * @param stepId the step that queues the row, for the unit's record
   * @param file the kind of file: {@code afero_programming}, {@code afero_wifi_rssi}, {@code
   *     afero_ble_rssi}, {@code provisioning_queue}, or the name of a layout the line profile
   *     defines
   * @param with values the recipe gives for fields the run does not have by these names
   */
  QueuedRow queueRow(String runId, String stepId, String file, java.util.Map<String, String> with);

  /**
   * A field of the station's configuration, named as factory files name it ({@code
   * station.stationId}, {@code station.extra.regionCode}); empty for a station without a
   * configuration, or when the configuration does not set the field.
   */
  default java.util.Optional<String> stationField(String name) {
    return java.util.Optional.empty();
  }
}
