package io.shipready.backoffice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.spi.FactoryFileReader;
import org.junit.jupiter.api.Test;

/** The back office reads each dropped file with the reader its factory-file kind registered. */
class FileReadersTest {
  @Test
  void eachAferoFileIsReadByItsOwnKindsReader() {
    FactoryFileReader programming = FileReaders.of("01_LINE-PC-3_acme-plug_20250115+0800.afero");
    assertThat(programming.type()).isEqualTo("01");
    assertThat(programming.rows()).isEqualTo(FactoryFileReader.Rows.UNITS);

    FactoryFileReader wifi = FileReaders.of("02_LINE-PC-3_acme-plug_20250115+0800.afero");
    assertThat(wifi.type()).isEqualTo("02");
    assertThat(wifi.rows()).isEqualTo(FactoryFileReader.Rows.MEASUREMENTS);

    assertThat(FileReaders.of("03_LINE-PC-3_acme-plug_20250115+0800.afero").type()).isEqualTo("03");
  }

  @Test
  void aNameNoKindTakesIsRefusedSayingWhatANameLooksLike() {
    assertThatThrownBy(() -> FileReaders.of("notes.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'notes.txt' is not an Afero factory file name")
        .hasMessageContaining("01_LINE-PC-3_acme-plug_20250115+0800.afero");
    assertThatThrownBy(() -> FileReaders.of("04_LINE-PC-3_acme-plug_20250115+0800.afero"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'04' is not an Afero factory file type");
  }
}
