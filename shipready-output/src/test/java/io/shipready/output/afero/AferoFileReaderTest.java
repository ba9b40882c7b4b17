package io.shipready.output.afero;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.output.config.StationIdentity;
import io.shipready.output.factoryfile.FactoryFileLineException;
import io.shipready.output.factoryfile.TestStations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AferoFileReaderTest {
  @TempDir Path folder;

  @Test
  void readsBackWhatTheStationWrote() throws IOException {
    Clock clock =
        Clock.fixed(
            ZonedDateTime.of(2025, 1, 15, 2, 0, 0, 0, ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    Path programming;
    Path rssi;
    try (AferoFactoryFiles files = AferoFactoryFiles.open(TestStations.station(folder), clock)) {
      files.appendProgramming(TestUnits.programming(1));
      files.appendProgramming(TestUnits.programming(2));
      files.appendWifiRssi(new RssiRow(-52, "0000000000000001", "000000000000000000001EEF"));
      programming = files.currentFile(AferoFileType.PROGRAMMING);
      rssi = files.currentFile(AferoFileType.WIFI_RSSI);
    }
    List<String> seen = new ArrayList<>();
    AferoFileReader.RowHandler handler =
        new AferoFileReader.RowHandler() {
          @Override
          public void programming(int line, ProgrammingRow row, StationIdentity station) {
            seen.add(
                line
                    + ":"
                    + row.equals(TestUnits.programming(line - 1))
                    + ":"
                    + station.stationId());
          }

          @Override
          public void rssi(int line, RssiRow row, StationIdentity station) {
            seen.add(line + ":" + row.rssi() + ":" + row.deviceId());
          }
        };

    try (InputStream in = Files.newInputStream(programming)) {
      assertThat(AferoFileReader.read(in, AferoFileType.PROGRAMMING, handler)).isEqualTo(2);
    }
    try (InputStream in = Files.newInputStream(rssi)) {
      assertThat(AferoFileReader.read(in, AferoFileType.WIFI_RSSI, handler)).isEqualTo(1);
    }
    assertThat(seen).containsExactly("2:true:PROG-01", "3:true:PROG-01", "2:-52:0000000000000001");
  }

  @Test
  void namesTheLineAndFieldOfTheFirstFault() {
    String header = AferoFileType.WIFI_RSSI.header();
    String station = ",P,M,F,S,H\r\n";
    assertThat(
            fault(
                header
                    + "-52,0000000000000001,000000000000000000001EEF"
                    + station
                    + "loud,0000000000000001,000000000000000000001EEF"
                    + station))
        .satisfies(e -> assertThat(e.line()).isEqualTo(3))
        .satisfies(e -> assertThat(e.field()).isEqualTo("rssi"));
    assertThat(fault(header + "-52,00000000000000G1,000000000000000000001EEF" + station).field())
        .isEqualTo("device_id");
    assertThat(fault(header + "-52,0000000000000001,000000000000000000001EEF,P,M,,S,H\r\n").field())
        .isEqualTo("factory");
    assertThat(fault(header + "-52,0000000000000001\r\n").getMessage())
        .startsWith("line 2, field association_id: the row has 2 fields where the header has 8");
    assertThat(fault("rssi,device_id\r\n").getMessage())
        .startsWith("line 1, field association_id: the header has no column");
    assertThat(fault("").getMessage()).contains("the file is empty");
    assertThat(fault(header + "-52,\"0000000000000001").getMessage())
        .startsWith("line 2: a quoted field is never closed");
  }

  @Test
  void quotedFieldsMaySpanLines() throws IOException {
    String text =
        AferoFileType.WIFI_RSSI.header()
            + "-52,0000000000000001,000000000000000000001EEF,P,\"Acme,\r\nLtd\",F,S,H\r\n"
            + "-53,0000000000000002,000000000000000000001EEF,P,M,F,S,H\r\n";
    List<Integer> lines = new ArrayList<>();
    AferoFileReader.read(
        new ByteArrayInputStream(text.getBytes(UTF_8)),
        AferoFileType.WIFI_RSSI,
        new AferoFileReader.RowHandler() {
          @Override
          public void programming(int line, ProgrammingRow row, StationIdentity station) {}

          @Override
          public void rssi(int line, RssiRow row, StationIdentity station) {
            lines.add(line);
          }
        });
    assertThat(lines).containsExactly(2, 4);
  }

  private static FactoryFileLineException fault(String text) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                AferoFileReader.read(
                    new ByteArrayInputStream(text.getBytes(UTF_8)),
                    AferoFileType.WIFI_RSSI,
                    new AferoFileReader.RowHandler() {
                      @Override
                      public void programming(int line, ProgrammingRow row, StationIdentity s) {}

                      @Override
                      public void rssi(int line, RssiRow row, StationIdentity s) {}
                    }));
    assertThat(thrown).isInstanceOf(FactoryFileLineException.class);
    return (FactoryFileLineException) thrown;
  }
}
