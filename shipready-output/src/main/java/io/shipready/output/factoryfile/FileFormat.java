package io.shipready.output.factoryfile;

/** How a line profile's factory file writes its rows. */
public enum FileFormat {
  /** {@link Csv} rows under a header row of the column names; extension {@code csv}. */
  CSV("csv", RowSyntax.CSV),
  /**
   * One JSON object per line, the column names as keys in column order and every value a string; no
   * header; extension {@code jsonl}.
   */
  JSON_LINES("jsonl", RowSyntax.LINES);

  private final String extension;
  private final RowSyntax syntax;

  FileFormat(String extension, RowSyntax syntax) {
    this.extension = extension;
    this.syntax = syntax;
  }

  public String extension() {
    return extension;
  }

  RowSyntax syntax() {
    return syntax;
  }
}
