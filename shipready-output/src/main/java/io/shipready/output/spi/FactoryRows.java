package io.shipready.output.spi;

import io.shipready.output.factoryfile.RowReference;
import java.nio.file.Path;
import java.util.Map;

/**
 * A station's open files of one factory-file kind. Safe to call from several slots at once. Each
 * append is one whole row forced to the disk before it returns.
 */
public interface FactoryRows extends AutoCloseable {
  /**
   * Appends a unit's row.
   *
   * @param file the step's {@code file:} value, one this kind {@linkplain FactoryFileKind#writes
   *     writes}
   * @param unit the unit's fields by name: the run's identifiers, images, measurements and
   *     attributes, the step's own values, and the station's part number and hardware version
   * @throws io.shipready.output.factoryfile.InvalidRowException naming the field that is missing or
   *     malformed, before anything is written
   */
  RowReference append(String file, Map<String, String> unit);

  /**
   * Checks that {@link #append} would take the unit's row, writing nothing.
   *
   * @throws io.shipready.output.factoryfile.InvalidRowException as {@link #append} would
   */
  void check(String file, Map<String, String> unit);

  /** The file a row appended now would go to (it may not exist yet). */
  Path fileFor(String file);

  @Override
  void close();
}
