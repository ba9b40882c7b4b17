package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import io.shipready.output.config.StationConfig;
import io.shipready.output.spi.FactoryFileKind;
import io.shipready.output.spi.FactoryRows;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A line profile's own factory file: {@code file:} names a layout ({@code .yaml}, read by {@link
 * FactoryFileLayouts}) and {@link FactoryFileWriter} writes its columns. Each layout is read once,
 * at its first row. The back office does not ingest these files: their columns are the line's
 * choice.
 */
public final class LayoutFileKind implements FactoryFileKind {
  @Override
  public List<String> names() {
    return List.of();
  }

  @Override
  public boolean writes(String file) {
    return file.endsWith(".yaml") || file.endsWith(".yml");
  }

  @Override
  public String describe() {
    return "a layout file (.yaml) of the line profile";
  }

  @Override
  public FactoryRows open(StationConfig station, Clock clock) {
    return new Layouts(station, clock);
  }

  /** The writers of the layouts a station's steps have named so far, by absolute path. */
  private static final class Layouts implements FactoryRows {
    private final StationConfig station;
    private final Clock clock;
    private final Map<Path, FactoryFileWriter> writers = new ConcurrentHashMap<>();

    Layouts(StationConfig station, Clock clock) {
      this.station = requireNonNull(station, "station");
      this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public RowReference append(String file, Map<String, String> unit) {
      return writer(file).append(unit);
    }

    @Override
    public void check(String file, Map<String, String> unit) {
      writer(file).check(unit);
    }

    @Override
    public Path fileFor(String file) {
      return writer(file).currentFile();
    }

    private FactoryFileWriter writer(String file) {
      return writers.computeIfAbsent(
          Path.of(file).toAbsolutePath(),
          path -> FactoryFileWriter.open(station, FactoryFileLayouts.read(path), clock));
    }

    @Override
    public void close() {
      writers.values().forEach(FactoryFileWriter::close);
    }
  }
}
