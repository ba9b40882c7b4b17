package io.shipready.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A row appended for a unit to a factory file, as written (already forced to the disk).
 *
 * @param fileName the file's name (no folder): the name the back office receives it under
 * @param rowNumber the row's line number in that file, counting a header row
 * @param rowText the row's text without its line end
 */
public record WrittenRow(String fileName, long rowNumber, String rowText) {
  public WrittenRow {
    requireNonNull(fileName, "fileName");
    requireNonNull(rowText, "rowText");
    if (rowNumber < 1) {
      throw new IllegalArgumentException("row numbers start at 1, not " + rowNumber);
    }
  }
}
