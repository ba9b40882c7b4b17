package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where an appended row went, for the caller to keep with the unit's record.
 *
 * @param file the factory file
 * @param row 1-based number of the row among the file's rows; the header line is not counted, so in
 *     a file with a header the row is on line {@code row + 1} (for values without line breaks)
 * @param text the row as written, without its line end
 */
public record RowReference(Path file, long row, String text) {
  public RowReference {
    requireNonNull(file, "file");
    requireNonNull(text, "text");
    if (row < 1) {
      throw new IllegalArgumentException("row must be 1 or more, not " + row);
    }
  }

  public String fileName() {
    return file.getFileName().toString();
  }

  @Override
  public String toString() {
    return fileName() + " row " + row;
  }
}
