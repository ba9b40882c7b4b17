package io.shipready.output.afero;

import static java.util.Objects.requireNonNull;

import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationIdentity;
import io.shipready.output.factoryfile.Csv;
import io.shipready.output.factoryfile.DailyRowFiles;
import io.shipready.output.factoryfile.FactoryFileException;
import io.shipready.output.factoryfile.RowFile;
import io.shipready.output.factoryfile.RowReference;
import io.shipready.output.factoryfile.RowSyntax;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A station's Afero factory files: one file per type ({@code 01} programming, {@code 02} Wi-Fi
 * RSSI, {@code 03} BLE RSSI) and day, in the station configuration's output folder, named by {@link
 * AferoFileName}, with the columns of {@link AferoFileType} under a header row. A file is created
 * by its first row, so a programming station leaves no empty RSSI files behind.
 *
 * <p>Each append is one whole row forced to the disk before it returns ({@link RowFile}); the
 * returned {@link RowReference} is for the unit's record in the store. Safe to call from several
 * slots at once.
 */
public final class AferoFactoryFiles implements AutoCloseable {
  private final StationConfig station;
  private final Clock clock;
  private final Map<AferoFileType, DailyRowFiles> files = new EnumMap<>(AferoFileType.class);
  private boolean closed;

  private AferoFactoryFiles(StationConfig station, Clock clock) {
    this.station = requireNonNull(station, "station");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * @param clock decides each row's day, in the station's time zone
   * @throws FactoryFileException when the station's names make a file name too long
   */
  public static AferoFactoryFiles open(StationConfig station, Clock clock) {
    AferoFactoryFiles files = new AferoFactoryFiles(station, clock);
    // Fail at start, not at the first unit, when the names cannot make a file name.
    files.fileName(AferoFileType.PROGRAMMING, clock.instant().atZone(station.zone()).toLocalDate());
    return files;
  }

  /** Appends a row to today's {@code 01} programming file. */
  public RowReference appendProgramming(ProgrammingRow row) {
    return append(AferoFileType.PROGRAMMING, requireNonNull(row, "row").values());
  }

  /** Appends a row to today's {@code 02} Wi-Fi RSSI validation file. */
  public RowReference appendWifiRssi(RssiRow row) {
    return append(AferoFileType.WIFI_RSSI, requireNonNull(row, "row").values());
  }

  /** Appends a row to today's {@code 03} BLE RSSI validation file. */
  public RowReference appendBleRssi(RssiRow row) {
    return append(AferoFileType.BLE_RSSI, requireNonNull(row, "row").values());
  }

  /** Where today's file of a type is (it exists once a row was appended to it). */
  public Path currentFile(AferoFileType type) {
    return daily(type).currentFile();
  }

  @Override
  public synchronized void close() {
    closed = true;
    files.values().forEach(DailyRowFiles::close);
    files.clear();
  }

  private RowReference append(AferoFileType type, List<String> unitValues) {
    List<String> values = new ArrayList<>(unitValues);
    StationIdentity identity = station.identity();
    values.addAll(
        List.of(
            identity.partNo(),
            identity.manufacturer(),
            identity.factory(),
            identity.stationId(),
            identity.hwVersion()));
    String row = Csv.row(values);
    return daily(type).append(time -> row);
  }

  private synchronized DailyRowFiles daily(AferoFileType type) {
    if (closed) {
      throw new FactoryFileException(
          "the Afero factory files of station " + station.stationId() + " are closed");
    }
    return files.computeIfAbsent(
        type,
        t ->
            new DailyRowFiles(
                clock,
                station.zone(),
                day -> station.outputFolder().resolve(fileName(t, day).toString()),
                RowSyntax.CSV,
                t.header()));
  }

  private AferoFileName fileName(AferoFileType type, LocalDate day) {
    return AferoFileName.of(
        type, station.computerName(), station.programmerName(), day, station.zone());
  }
}
