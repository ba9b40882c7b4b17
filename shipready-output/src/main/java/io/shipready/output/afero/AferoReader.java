package io.shipready.output.afero;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.output.config.StationIdentity;
import io.shipready.output.spi.FactoryFileReader;
import io.shipready.output.spi.FactoryRowHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back office's reader of one Afero file type: files named as {@link AferoFileName} says, read
 * by {@link AferoFileReader}. Programming rows are units to register; RSSI rows are measurements
 * ({@code wifi} or {@code ble}) of units a programming file registers.
 */
final class AferoReader implements FactoryFileReader {
  private final AferoFileType type;

  AferoReader(AferoFileType type) {
    this.type = requireNonNull(type, "type");
  }

  /**
   * @throws IllegalArgumentException for a name that is not an Afero file name at all, saying what
   *     one looks like
   */
  @Override
  public boolean reads(String fileName) {
    return AferoFileName.parse(fileName).type() == type;
  }

  @Override
  public String type() {
    return type.code();
  }

  @Override
  public Rows rows() {
    return type == AferoFileType.PROGRAMMING ? Rows.UNITS : Rows.MEASUREMENTS;
  }

  @Override
  public long read(InputStream in, FactoryRowHandler handler) throws IOException {
    requireNonNull(handler, "handler");
    String quantity = type == AferoFileType.WIFI_RSSI ? "wifi" : "ble";
    List<String> columns = type.unitColumns();
    return AferoFileReader.read(
        in,
        type,
        new AferoFileReader.RowHandler() {
          @Override
          public void programming(int line, ProgrammingRow row, StationIdentity station)
              throws IOException {
            List<String> values = row.values();
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
              fields.put(columns.get(i), values.get(i));
            }
            handler.unit(line, fields, station);
          }

          @Override
          public void rssi(int line, RssiRow row, StationIdentity station) throws IOException {
            handler.measurement(
                line,
                quantity,
                row.rssi(),
                Map.of(
                    Identifier.DEVICE_ID,
                    row.deviceId(),
                    Identifier.ASSOCIATION_ID,
                    row.associationId()),
                station);
          }
        });
  }
}
