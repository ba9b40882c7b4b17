package io.shipready.backoffice.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shipready.output.afero.AferoFileType;
import io.shipready.output.factoryfile.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Valid Afero factory files of made-up units, for the ingestion benchmark and for trying a back
 * office out. Unit {@code n} has device id {@code n} in 16 hex digits, association id {@code n *
 * 7919} in 24 and BLE MAC {@code n} in 12, so files of disjoint unit ranges never collide.
 */
public final class SampleFactoryFiles {
  /** A name the back office takes a sample {@code 01} file by. */
  public static final String PROGRAMMING_FILE_NAME = "01_BENCH-PC_bench_20250115+0800.afero";

  /** The profile version every sample unit carries. */
  public static final String PROFILE_VERSION = "23371";

  private static final List<String> STATION =
      List.of("100-0012-01", "Acme Electronics, Ltd.", "Shenzhen-2", "PROG-01", "1.10");

  private SampleFactoryFiles() {}

  /** The columns of a {@code 01} file, as its header names them. */
  public static List<String> programmingColumns() {
    return AferoFileType.PROGRAMMING.columns();
  }

  /** A {@code 01} file of units {@code first} to {@code first + count - 1}. */
  public static void programming(Path file, long first, long count) throws IOException {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, UTF_8), 1 << 16)) {
      out.write(AferoFileType.PROGRAMMING.header());
      for (long n = first; n < first + count; n++) {
        out.write(programmingRow(n));
      }
    }
  }

  /** One {@code 01} row, with its row end. */
  public static String programmingRow(long n) {
    return Csv.row(
        List.of(
            PROFILE_VERSION,
            "1",
            "1.2.0",
            "2",
            "3.1.7",
            "3",
            "19.6.1",
            "4",
            deviceId(n),
            associationId(n),
            "ACME",
            String.format("%012X", n),
            STATION.get(0),
            STATION.get(1),
            STATION.get(2),
            STATION.get(3),
            STATION.get(4)));
  }

  /** A {@code 02} or {@code 03} file with one row per unit number given. */
  public static void rssi(Path file, AferoFileType type, long... units) throws IOException {
    StringBuilder text = new StringBuilder(type.header());
    for (long n : units) {
      text.append(
          Csv.row(
              List.of(
                  "-48",
                  deviceId(n),
                  associationId(n),
                  STATION.get(0),
                  STATION.get(1),
                  STATION.get(2),
                  "RSSI-01",
                  STATION.get(4))));
    }
    Files.writeString(file, text, UTF_8);
  }

  public static String deviceId(long n) {
    return String.format("%016X", n);
  }

  public static String associationId(long n) {
    return String.format("%024X", n * 7919);
  }
}
