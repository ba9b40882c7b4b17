package io.shipready.output.factoryfile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.output.config.StationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactoryFileWriterTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final List<Column> COLUMNS =
      List.of(
          Column.required("serial", "serial"),
          Column.required("imei", "imei"),
          Column.optional("note", "attribute.note"),
          Column.required("part", "station.partNo"),
          Column.required("line", "station.extra.line"),
          Column.required("time", "row.time"));

  @TempDir Path folder;

  private final SettableClock clock =
      new SettableClock(ZonedDateTime.of(2025, 1, 15, 14, 3, 7, 250_000_000, BERLIN).toInstant());

  private StationConfig station() {
    return TestStations.station(folder, "PC", BERLIN);
  }

  @Test
  void writesCsvWithTheLayoutsColumns() throws IOException {
    FactoryFileLayout layout = new FactoryFileLayout("tracker-test", FileFormat.CSV, COLUMNS);
    try (FactoryFileWriter writer = FactoryFileWriter.open(station(), layout, clock)) {
      RowReference row =
          writer.append(
              Map.of(
                  "serial",
                  "P046AA2797021",
                  "imei",
                  "352753090000001",
                  "attribute.note",
                  "two\nlines, \"quoted\""));
      assertThat(row.fileName()).isEqualTo("tracker-test_PROG-01_20250115.csv");
      assertThat(row.row()).isEqualTo(1);
      assertThat(Csv.parse(Files.readString(row.file(), UTF_8)))
          .containsExactly(
              List.of("serial", "imei", "note", "part", "line", "time"),
              List.of(
                  "P046AA2797021",
                  "352753090000001",
                  "two\nlines, \"quoted\"",
                  "100-0012-01",
                  "A",
                  "2025-01-15T14:03:07.250+01:00"));
    }
  }

  @Test
  void writesJsonLinesOneObjectPerLine() throws IOException {
    FactoryFileLayout layout = new FactoryFileLayout("tracker", FileFormat.JSON_LINES, COLUMNS);
    try (FactoryFileWriter writer = FactoryFileWriter.open(station(), layout, clock)) {
      writer.append(Map.of("serial", "S1", "imei", "I1", "attribute.note", "two\nlines"));
      RowReference second = writer.append(Map.of("serial", "S2", "imei", "I2"));
      assertThat(second.fileName()).isEqualTo("tracker_PROG-01_20250115.jsonl");
      assertThat(second.row()).isEqualTo(2);

      List<String> lines = Files.readAllLines(second.file(), UTF_8);
      assertThat(lines).hasSize(2);
      @SuppressWarnings("unchecked")
      Map<String, Object> first = new ObjectMapper().readValue(lines.get(0), Map.class);
      assertThat(first.keySet()).containsExactly("serial", "imei", "note", "part", "line", "time");
      assertThat(first.get("note")).isEqualTo("two\nlines");
      assertThat(new ObjectMapper().readValue(lines.get(1), Map.class).get("note")).isEqualTo("");
    }
  }

  @Test
  void refusesARowWithoutARequiredFieldNamingTheColumn() throws IOException {
    FactoryFileLayout layout = new FactoryFileLayout("tracker", FileFormat.CSV, COLUMNS);
    try (FactoryFileWriter writer = FactoryFileWriter.open(station(), layout, clock)) {
      assertThatThrownBy(() -> writer.append(Map.of("serial", "S1")))
          .isInstanceOfSatisfying(
              InvalidRowException.class, e -> assertThat(e.field()).isEqualTo("imei"))
          .hasMessageContaining("column 'imei' of factory file tracker needs field 'imei'")
          .hasMessageContaining(
              "Fields this row has: row.day, row.time, serial, station.computerName");
      assertThatThrownBy(() -> writer.append(Map.of("serial", " ", "imei", "I1")))
          .hasMessageContaining("has an empty field 'serial'");
      // A refused row leaves no file behind.
      assertThat(Files.exists(writer.currentFile())).isFalse();
    }
  }

  @Test
  void startsANewFileEachDay() {
    FactoryFileLayout layout = new FactoryFileLayout("t", FileFormat.CSV, COLUMNS.subList(0, 1));
    try (FactoryFileWriter writer = FactoryFileWriter.open(station(), layout, clock)) {
      clock.set(ZonedDateTime.of(2025, 1, 15, 23, 59, 59, 0, BERLIN).toInstant());
      RowReference late = writer.append(Map.of("serial", "S1"));
      clock.set(ZonedDateTime.of(2025, 1, 16, 0, 0, 1, 0, BERLIN).toInstant());
      RowReference early = writer.append(Map.of("serial", "S2"));
      assertThat(late.fileName()).isEqualTo("t_PROG-01_20250115.csv");
      assertThat(early.fileName()).isEqualTo("t_PROG-01_20250116.csv");
      assertThat(early.row()).isEqualTo(1);
    }
  }

  @Test
  void checksTheLayout() {
    assertThatThrownBy(() -> new FactoryFileLayout("my_file", FileFormat.CSV, COLUMNS))
        .hasMessageContaining("letters, digits, '.' and '-' only");
    assertThatThrownBy(() -> new FactoryFileLayout("f", FileFormat.CSV, List.of()))
        .hasMessageContaining("has no columns");
    assertThatThrownBy(
            () ->
                new FactoryFileLayout(
                    "f",
                    FileFormat.CSV,
                    List.of(Column.required("a", "x"), Column.optional("a", "y"))))
        .hasMessageContaining("two columns named 'a'");
    assertThatThrownBy(() -> Column.required("a\nb", "x"))
        .hasMessageContaining("control characters");
  }
}
