package io.shipready.output.afero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.factoryfile.FactoryFileException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AferoFileNameTest {
  private static final LocalDate DAY = LocalDate.of(2025, 1, 15);

  @Test
  void followsAferosPattern() {
    AferoFileName name =
        AferoFileName.of(
            AferoFileType.PROGRAMMING, "LINE-PC-3", "acme-plug", DAY, ZoneId.of("Asia/Shanghai"));
    assertThat(name).hasToString("01_LINE-PC-3_acme-plug_20250115+0800.afero");
  }

  @Test
  void encodesUnicodeNames() {
    AferoFileName name =
        AferoFileName.of(
            AferoFileType.BLE_RSSI, "Prüfplatz 3", "acme_plug", DAY, ZoneId.of("Europe/Berlin"));
    assertThat(name).hasToString("03_Pr%C3%BCfplatz%203_acme%5Fplug_20250115+0100.afero");
  }

  @ParameterizedTest
  @CsvSource({
    "Asia/Shanghai, 2025-01-15, +0800",
    "Asia/Kolkata, 2025-01-15, +0530",
    "America/Los_Angeles, 2025-01-15, -0800",
    "America/Los_Angeles, 2025-07-15, -0700",
    "America/St_Johns, 2025-01-15, -0330",
    "UTC, 2025-01-15, +0000",
    // Daylight saving time starts at 02:00 that day: the whole day keeps the morning's offset.
    "America/Los_Angeles, 2025-03-09, -0800",
    "Europe/Berlin, 2025-10-26, +0200"
  })
  void namesTheOffsetAtTheStartOfTheDay(String zone, LocalDate day, String label) {
    AferoFileName name =
        AferoFileName.of(AferoFileType.WIFI_RSSI, "PC", "prog", day, ZoneId.of(zone));
    assertThat(name.toString()).endsWith(label + ".afero");
  }

  @Test
  void readsBackEveryPart() {
    AferoFileName written =
        new AferoFileName(
            AferoFileType.WIFI_RSSI,
            "生产线_工位 3",
            "acme-plug",
            DAY,
            ZoneOffset.ofHoursMinutes(-3, -30));
    AferoFileName read = AferoFileName.parse(written.toString());
    assertThat(read).isEqualTo(written);
    assertThat(read.computerName()).isEqualTo("生产线_工位 3");
  }

  @Test
  void refusesNamesThatAreNotAferoFiles() {
    assertThatThrownBy(() -> AferoFileName.parse("01_PC_prog_20250115.afero"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<type>_<ComputerName>_<ProgrammerName>_<YYYYMMDD><+HHMM>.afero");
    assertThatThrownBy(() -> AferoFileName.parse("04_PC_prog_20250115+0800.afero"))
        .hasMessageContaining("'04' is not an Afero factory file type");
    assertThatThrownBy(() -> AferoFileName.parse("01_PC_prog_20250230+0800.afero"))
        .hasMessageContaining("no valid day");
    assertThatThrownBy(() -> AferoFileName.parse("01_P%c3%bc_prog_20250115+0800.afero"))
        .hasMessageContaining("not an encoded name");
  }

  @Test
  void refusesNamesTooLongForAFileSystem() {
    String computer = "工".repeat(40); // 120 UTF-8 bytes, 360 characters encoded
    assertThatThrownBy(
            () ->
                AferoFileName.of(
                    AferoFileType.PROGRAMMING, computer, "prog", DAY, ZoneId.of("UTC")))
        .isInstanceOf(FactoryFileException.class)
        .hasMessageContaining("shorten computerName or programmerName");
  }
}
