package io.shipready.output.afero;

import static java.util.Objects.requireNonNull;

import io.shipready.output.config.StationConfig;
import io.shipready.output.factoryfile.RowReference;
import io.shipready.output.spi.FactoryFileKind;
import io.shipready.output.spi.FactoryFileReader;
import io.shipready.output.spi.FactoryRows;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the three Afero factory files ({@link AferoFileType}), written by {@link
 * AferoFactoryFiles} and read back by {@link AferoReader}. The three registered kinds differ only
 * in their type and the row they make of a unit's fields.
 */
abstract class AferoKind implements FactoryFileKind {
  private final String name;
  private final AferoFileType type;

  AferoKind(String name, AferoFileType type) {
    this.name = requireNonNull(name, "name");
    this.type = requireNonNull(type, "type");
  }

  /** Appends the unit's row to today's file of this kind. */
  abstract RowReference append(AferoFactoryFiles files, Map<String, String> unit);

  /** Checks the unit has what its row needs, as {@link #append} would, writing nothing. */
  abstract void check(Map<String, String> unit);

  @Override
  public List<String> names() {
    return List.of(name);
  }

  @Override
  public FactoryRows open(StationConfig station, Clock clock) {
    AferoFactoryFiles files = AferoFactoryFiles.open(station, clock);
    return new FactoryRows() {
      @Override
      public RowReference append(String file, Map<String, String> unit) {
        return AferoKind.this.append(files, unit);
      }

      @Override
      public void check(String file, Map<String, String> unit) {
        AferoKind.this.check(unit);
      }

      @Override
      public Path fileFor(String file) {
        return files.currentFile(type);
      }

      @Override
      public void close() {
        files.close();
      }
    };
  }

  @Override
  public Optional<FactoryFileReader> reader() {
    return Optional.of(new AferoReader(type));
  }
}
