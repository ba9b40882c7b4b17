package io.shipready.output.afero;

import io.shipready.output.factoryfile.RowReference;
import java.util.Map;

/**
 * {@code afero_programming}: a row of the {@code 01} programming file for every module a station
 * programmed ({@link AferoRows#programming} says where each column's value comes from).
 */
public final class AferoProgrammingKind extends AferoKind {
  public AferoProgrammingKind() {
    super("afero_programming", AferoFileType.PROGRAMMING);
  }

  @Override
  void check(Map<String, String> unit) {
    AferoRows.programming(unit);
  }

  @Override
  RowReference append(AferoFactoryFiles files, Map<String, String> unit) {
    return files.appendProgramming(AferoRows.programming(unit));
  }
}
