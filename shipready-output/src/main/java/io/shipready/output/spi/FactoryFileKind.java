package io.shipready.output.spi;

import io.shipready.output.config.StationConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One kind of factory file: the names a recipe's {@code factory_row} step gives it in {@code
 * file:}, how a station appends a unit's row to it, and how the back office reads it. Registered in
 * {@code META-INF/services/io.shipready.output.spi.FactoryFileKind} and found through {@link
 * io.shipready.output.factoryfile.FactoryFileKinds}.
 */
public interface FactoryFileKind {
  /**
   * The values of {@code file:} that mean this kind, e.g. {@code afero_programming}. Unique among
   * all kinds; empty for a kind that takes files by their form instead ({@link #writes}).
   */
  List<String> names();

  /** Whether a {@code file:} value is this kind's. Unless overridden, one of {@link #names()}. */
  default boolean writes(String file) {
    return names().contains(file);
  }

  /**
   * How a message that lists the kinds a station writes names this one, e.g. {@code
   * afero_programming} or {@code a layout file (.yaml) of the line profile}.
   */
  default String describe() {
    return String.join(", ", names());
  }

  /**
   * Opens this kind's files for a station. Every kind is opened when the station's outputs are, so
   * a configuration that cannot name a file stops the station before its first unit; a file itself
   * is created by its first row.
   *
   * @param clock decides each row's day, in the station's time zone
   * @throws io.shipready.output.factoryfile.FactoryFileException naming the configuration value
   *     that cannot make a file name
   */
  FactoryRows open(StationConfig station, Clock clock);

  /** How the back office reads files of this kind; empty when it takes none. */
  default Optional<FactoryFileReader> reader() {
    return Optional.empty();
  }
}
