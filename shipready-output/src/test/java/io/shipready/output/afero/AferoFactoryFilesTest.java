package io.shipready.output.afero;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.config.StationConfig;
import io.shipready.output.factoryfile.Csv;
import io.shipready.output.factoryfile.FactoryFileException;
import io.shipready.output.factoryfile.RowReference;
import io.shipready.output.factoryfile.SettableClock;
import io.shipready.output.factoryfile.TestStations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AferoFactoryFilesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @TempDir Path folder;

  private final SettableClock clock =
      new SettableClock(ZonedDateTime.of(2025, 1, 15, 10, 0, 0, 0, SHANGHAI).toInstant());

  @Test
  void writesAHeaderThenOneRowPerModule() throws IOException {
    StationConfig station = TestStations.station(folder);
    try (AferoFactoryFiles files = AferoFactoryFiles.open(station, clock)) {
      RowReference first = files.appendProgramming(TestUnits.programming(1));
      RowReference second = files.appendProgramming(TestUnits.programming(2));

      assertThat(first.fileName()).isEqualTo("01_LINE-PC-3_acme-plug_20250115+0800.afero");
      assertThat(first.file().getParent()).isEqualTo(station.outputFolder());
      assertThat(first.row()).isEqualTo(1);
      assertThat(second.row()).isEqualTo(2);
    }
    List<List<String>> rows =
        rows(folder.resolve("output/01_LINE-PC-3_acme-plug_20250115+0800.afero"));
    assertThat(rows.get(0))
        .containsExactly(
            "profile_version_id",
            "profile_fw_type",
            "bootloader_version_id",
            "bootloader_fw_type",
            "app_version_id",
            "app_fw_type",
            "wifi_version_id",
            "wifi_fw_type",
            "device_id",
            "association_id",
            "company_code",
            "ble_mac",
            "partNo",
            "manufacturer",
            "factory",
            "station_id",
            "hw_version");
    assertThat(rows.get(1))
        .containsExactly(
            "23371",
            "1",
            "1.2.0",
            "2",
            "3.1.7",
            "3",
            "19.6.1",
            "4",
            "0000000000000001",
            "000000000000000000001EEF",
            "ACME",
            "000000000001",
            "100-0012-01",
            "Acme Electronics, Ltd.",
            "Shenzhen-2",
            "PROG-01",
            "1.10");
    assertThat(rows).hasSize(3);
  }

  @Test
  void quotesAManufacturerWithAComma() throws IOException {
    try (AferoFactoryFiles files = AferoFactoryFiles.open(TestStations.station(folder), clock)) {
      Path file = files.appendProgramming(TestUnits.programming(1)).file();
      assertThat(Files.readString(file, UTF_8)).contains(",\"Acme Electronics, Ltd.\",");
    }
  }

  @Test
  void writesRssiRowsToTheirOwnFiles() throws IOException {
    try (AferoFactoryFiles files = AferoFactoryFiles.open(TestStations.station(folder), clock)) {
      RowReference wifi =
          files.appendWifiRssi(new RssiRow(-48, "0123456789ABCDEF", "0123456789ABCDEF01234567"));
      RowReference ble =
          files.appendBleRssi(new RssiRow(-61, "0123456789ABCDEF", "0123456789ABCDEF01234567"));

      assertThat(wifi.fileName()).isEqualTo("02_LINE-PC-3_acme-plug_20250115+0800.afero");
      assertThat(ble.fileName()).isEqualTo("03_LINE-PC-3_acme-plug_20250115+0800.afero");
      assertThat(rows(ble.file()))
          .containsExactly(
              List.of(
                  "rssi",
                  "device_id",
                  "association_id",
                  "partNo",
                  "manufacturer",
                  "factory",
                  "station_id",
                  "hw_version"),
              List.of(
                  "-61",
                  "0123456789ABCDEF",
                  "0123456789ABCDEF01234567",
                  "100-0012-01",
                  "Acme Electronics, Ltd.",
                  "Shenzhen-2",
                  "PROG-01",
                  "1.10"));
    }
    // No programming happened here, so no programming file either.
    try (Stream<Path> names = Files.list(folder.resolve("output"))) {
      assertThat(names.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("01_"));
    }
  }

  @Test
  void startsANewFileAtMidnightInTheStationsZone() throws IOException {
    try (AferoFactoryFiles files = AferoFactoryFiles.open(TestStations.station(folder), clock)) {
      clock.set(ZonedDateTime.of(2025, 1, 15, 23, 59, 59, 0, SHANGHAI).toInstant());
      RowReference late = files.appendProgramming(TestUnits.programming(1));
      clock.set(ZonedDateTime.of(2025, 1, 16, 0, 0, 1, 0, SHANGHAI).toInstant());
      RowReference early = files.appendProgramming(TestUnits.programming(2));

      assertThat(late.fileName()).isEqualTo("01_LINE-PC-3_acme-plug_20250115+0800.afero");
      assertThat(early.fileName()).isEqualTo("01_LINE-PC-3_acme-plug_20250116+0800.afero");
      assertThat(late.row()).isEqualTo(1);
      assertThat(early.row()).isEqualTo(1);
      assertThat(rows(late.file())).hasSize(2);
      assertThat(rows(early.file())).hasSize(2);
    }
  }

  @Test
  void theDayFollowsTheStationsZoneNotUtc() {
    // 16:30 UTC on the 15th is already the 16th in Shanghai, still the 15th in Los Angeles.
    clock.set(Instant.parse("2025-01-15T16:30:00Z"));
    try (AferoFactoryFiles shanghai = AferoFactoryFiles.open(TestStations.station(folder), clock);
        AferoFactoryFiles losAngeles =
            AferoFactoryFiles.open(
                TestStations.station(folder, "LA-PC", ZoneId.of("America/Los_Angeles")), clock)) {
      assertThat(shanghai.appendProgramming(TestUnits.programming(1)).fileName())
          .endsWith("_20250116+0800.afero");
      assertThat(losAngeles.appendProgramming(TestUnits.programming(1)).fileName())
          .endsWith("_20250115-0800.afero");
    }
  }

  @Test
  void aClockSetBackAcrossMidnightKeepsWritingToTheNewerDay() {
    try (AferoFactoryFiles files = AferoFactoryFiles.open(TestStations.station(folder), clock)) {
      clock.set(ZonedDateTime.of(2025, 1, 16, 0, 0, 5, 0, SHANGHAI).toInstant());
      files.appendProgramming(TestUnits.programming(1));
      clock.set(ZonedDateTime.of(2025, 1, 15, 23, 59, 58, 0, SHANGHAI).toInstant());
      RowReference row = files.appendProgramming(TestUnits.programming(2));
      assertThat(row.fileName()).endsWith("_20250116+0800.afero");
      assertThat(row.row()).isEqualTo(2);
    }
  }

  @Test
  void carriesOnNumberingAfterARestart() {
    StationConfig station = TestStations.station(folder);
    try (AferoFactoryFiles files = AferoFactoryFiles.open(station, clock)) {
      files.appendProgramming(TestUnits.programming(1));
      files.appendProgramming(TestUnits.programming(2));
    }
    try (AferoFactoryFiles files = AferoFactoryFiles.open(station, clock)) {
      assertThat(files.appendProgramming(TestUnits.programming(3)).row()).isEqualTo(3);
    }
  }

  @Test
  void encodesAUnicodeComputerNameInTheFileName() {
    StationConfig station = TestStations.station(folder, "生产线 工位_3", SHANGHAI);
    try (AferoFactoryFiles files = AferoFactoryFiles.open(station, clock)) {
      RowReference row = files.appendProgramming(TestUnits.programming(1));
      assertThat(row.fileName())
          .isEqualTo(
              "01_%E7%94%9F%E4%BA%A7%E7%BA%BF%20%E5%B7%A5%E4%BD%8D%5F3_acme-plug_20250115+0800.afero");
      assertThat(AferoFileName.parse(row.fileName()).computerName()).isEqualTo("生产线 工位_3");
      assertThat(Files.exists(row.file())).isTrue();
    }
  }

  @Test
  void refusesASecondWriterOfTheSameFile() {
    StationConfig station = TestStations.station(folder);
    try (AferoFactoryFiles first = AferoFactoryFiles.open(station, clock);
        AferoFactoryFiles second = AferoFactoryFiles.open(station, clock)) {
      first.appendProgramming(TestUnits.programming(1));
      assertThatThrownBy(() -> second.appendProgramming(TestUnits.programming(2)))
          .isInstanceOf(FactoryFileException.class)
          .hasMessageContaining("already open for writing by another station process");
    }
  }

  @Test
  void refusesAStationWhoseNamesCannotMakeAFileName() {
    StationConfig station = TestStations.station(folder, "工".repeat(60), SHANGHAI);
    assertThatThrownBy(() -> AferoFactoryFiles.open(station, clock))
        .isInstanceOf(FactoryFileException.class)
        .hasMessageContaining("shorten computerName");
  }

  @Test
  void refusesRowsOnceClosed() {
    AferoFactoryFiles files = AferoFactoryFiles.open(TestStations.station(folder), clock);
    files.appendProgramming(TestUnits.programming(1));
    files.close();
    assertThatThrownBy(() -> files.appendProgramming(TestUnits.programming(2)))
        .isInstanceOf(FactoryFileException.class)
        .hasMessageContaining("are closed");
  }

  static List<List<String>> rows(Path file) throws IOException {
    return Csv.parse(Files.readString(file, UTF_8));
  }
}
