package io.shipready.backoffice.ingest;

import io.shipready.output.factoryfile.FactoryFileException;
import io.shipready.output.factoryfile.FactoryFileKinds;
import io.shipready.output.spi.FactoryFileReader;
import java.util.ArrayList;
import java.util.List;

/** Finds the reader of a dropped file among the readers of every registered factory-file kind. */
final class FileReaders {
  private FileReaders() {}

  /**
   * The reader of the factory-file kind a file name belongs to.
   *
   * @throws IllegalArgumentException when no kind takes the name, saying what a name must look like
   */
  static FactoryFileReader of(String fileName) {
    List<String> refusals = new ArrayList<>();
    for (FactoryFileReader reader : FactoryFileKinds.readers()) {
      try {
        if (reader.reads(fileName)) {
          return reader;
        }
      } catch (IllegalArgumentException | FactoryFileException e) {
        if (!refusals.contains(e.getMessage())) {
          refusals.add(e.getMessage());
        }
      }
    }
    throw new IllegalArgumentException(
        refusals.isEmpty()
            ? "'" + fileName + "' is not the name of a factory file the back office reads"
            : String.join("; or ", refusals));
  }
}
