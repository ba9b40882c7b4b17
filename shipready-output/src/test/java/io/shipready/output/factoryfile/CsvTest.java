package io.shipready.output.factoryfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void writesPlainValuesBare() {
    assertThat(Csv.row(List.of("23371", "ACME", "", "Shenzhen-2")))
        .isEqualTo("23371,ACME,,Shenzhen-2\r\n");
  }

  @Test
  void quotesCommasQuotesLineBreaksAndEdgeSpaces() {
    assertThat(Csv.field("Acme Electronics, Ltd.")).isEqualTo("\"Acme Electronics, Ltd.\"");
    assertThat(Csv.field("the \"big\" line")).isEqualTo("\"the \"\"big\"\" line\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field("cr\rlf")).isEqualTo("\"cr\rlf\"");
    assertThat(Csv.field(" padded ")).isEqualTo("\" padded \"");
    assertThat(Csv.field("inner space")).isEqualTo("inner space");
    assertThat(Csv.field("工位 3")).isEqualTo("工位 3");
  }

  @Test
  void readsBackWhatItWrites() {
    Random random = new Random(7);
    String alphabet = "ab ,\"\n\r\t工";
    List<List<String>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < 500; r++) {
      List<String> row = new ArrayList<>();
      int fields = 1 + random.nextInt(5);
      for (int f = 0; f < fields; f++) {
        StringBuilder value = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
          value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        row.add(value.toString());
      }
      rows.add(row);
      text.append(Csv.row(row));
    }
    assertThat(Csv.parse(text.toString())).isEqualTo(rows);
  }

  @Test
  void acceptsLineFeedRowEnds() {
    assertThat(Csv.parse("a,b\n\"c\r\nd\",e\n"))
        .containsExactly(List.of("a", "b"), List.of("c\r\nd", "e"));
  }

  @Test
  void refusesBrokenText() {
    assertThatThrownBy(() -> Csv.parse("a,\"b\r\n"))
        .isInstanceOf(FactoryFileException.class)
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> Csv.parse("a,b")).hasMessageContaining("last row is not ended");
    assertThatThrownBy(() -> Csv.parse("a,\"b\"c\n"))
        .hasMessageContaining("follows a closing quote");
    assertThatThrownBy(() -> Csv.parse("a\nb\"c\n")).hasMessageContaining("CSV line 2");
  }
}
