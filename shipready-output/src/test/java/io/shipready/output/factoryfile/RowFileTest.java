package io.shipready.output.factoryfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowFileTest {
  private static final String HEADER = "a,b\r\n";

  @TempDir Path folder;

  private final SettableClock clock = new SettableClock(Instant.parse("2025-01-15T06:07:08.009Z"));

  @Test
  void writesTheHeaderOnceAndCountsRows() throws IOException {
    Path path = folder.resolve("sub/x.csv");
    try (RowFile file = RowFile.open(path, RowSyntax.CSV, HEADER, clock)) {
      assertThat(file.append("1,2\r\n")).isEqualTo(1);
      assertThat(file.append("3,4\r\n")).isEqualTo(2);
    }
    try (RowFile file = RowFile.open(path, RowSyntax.CSV, HEADER, clock)) {
      assertThat(file.rows()).isEqualTo(2);
      assertThat(file.append("5,6\r\n")).isEqualTo(3);
    }
    assertThat(Files.readString(path)).isEqualTo("a,b\r\n1,2\r\n3,4\r\n5,6\r\n");
  }

  @Test
  void setsACutShortRowAsideAndKeepsTheWholeOnes() throws IOException {
    Path path = folder.resolve("x.csv");
    Files.writeString(path, "a,b\r\n1,2\r\n3,");
    try (RowFile file = RowFile.open(path, RowSyntax.CSV, HEADER, clock)) {
      assertThat(file.rows()).isEqualTo(1);
      assertThat(file.append("3,4\r\n")).isEqualTo(2);
    }
    assertThat(Files.readString(path)).isEqualTo("a,b\r\n1,2\r\n3,4\r\n");
    Path aside = folder.resolve("x.csv.partial-20250115T060708.009Z");
    assertThat(Files.readString(aside)).isEqualTo("3,");
  }

  @Test
  void aLineBreakInsideQuotesDoesNotEndARow() throws IOException {
    Path path = folder.resolve("x.csv");
    // The last row was cut right after a line break inside a quoted value.
    Files.writeString(path, "a,b\r\n1,\"two\nlines\"\r\n3,\"cut\r\n");
    try (RowFile file = RowFile.open(path, RowSyntax.CSV, HEADER, clock)) {
      assertThat(file.rows()).isEqualTo(1);
    }
    assertThat(Csv.parse(Files.readString(path)))
        .containsExactly(List.of("a", "b"), List.of("1", "two\nlines"));
    assertThat(asideFiles()).hasSize(1);
    assertThat(Files.readString(asideFiles().get(0))).isEqualTo("3,\"cut\r\n");
  }

  @Test
  void aCutShortHeaderIsSetAsideAndWrittenAgain() throws IOException {
    Path path = folder.resolve("x.csv");
    Files.writeString(path, "a,");
    try (RowFile file = RowFile.open(path, RowSyntax.CSV, HEADER, clock)) {
      assertThat(file.rows()).isZero();
    }
    assertThat(Files.readString(path)).isEqualTo(HEADER);
  }

  @Test
  void twoRecoveriesInOneMillisecondKeepBothTails() throws IOException {
    Path path = folder.resolve("x.jsonl");
    Files.writeString(path, "{\"a\":1}\n{\"a\":");
    RowFile.open(path, RowSyntax.LINES, null, clock).close();
    Files.writeString(path, "{\"a\":2", java.nio.file.StandardOpenOption.APPEND);
    RowFile.open(path, RowSyntax.LINES, null, clock).close();
    assertThat(asideFiles())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(
            "x.jsonl.partial-20250115T060708.009Z", "x.jsonl.partial-20250115T060708.009Z-2");
    assertThat(Files.readString(path)).isEqualTo("{\"a\":1}\n");
  }

  @Test
  void refusesAFileWithAnotherHeader() throws IOException {
    Path path = folder.resolve("x.csv");
    Files.writeString(path, "a,c\r\n1,2\r\n");
    assertThatThrownBy(() -> RowFile.open(path, RowSyntax.CSV, HEADER, clock))
        .isInstanceOf(FactoryFileException.class)
        .hasMessageContaining("starts with the header 'a,c' but this station writes 'a,b'")
        .hasMessageContaining("Move it out of the output folder");
    assertThat(Files.readString(path)).isEqualTo("a,c\r\n1,2\r\n");
  }

  @Test
  void refusesTextThatIsNotExactlyOneRow() {
    try (RowFile file = RowFile.open(folder.resolve("x.csv"), RowSyntax.CSV, HEADER, clock)) {
      assertThatThrownBy(() -> file.append("1,2")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> file.append("1,2\r\n3,4\r\n"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> file.append("1,\"2\r\n"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(file.rows()).isZero();
    }
  }

  @Test
  void refusesAppendsOnceClosed() {
    RowFile file = RowFile.open(folder.resolve("x.csv"), RowSyntax.CSV, HEADER, clock);
    file.close();
    assertThatThrownBy(() -> file.append("1,2\r\n"))
        .isInstanceOf(FactoryFileException.class)
        .hasMessageContaining("is closed");
  }

  private List<Path> asideFiles() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().contains(".partial-")).sorted().toList();
    }
  }
}
