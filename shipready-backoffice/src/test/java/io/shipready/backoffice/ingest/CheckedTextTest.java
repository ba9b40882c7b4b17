package io.shipready.backoffice.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.factoryfile.FactoryFileLineException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The edge check of a factory file's text, byte by byte, as the readers pull it. */
class CheckedTextTest {
  @Test
  void printableTextTabsAndLineBreaksPass() throws IOException {
    String text = "a,b,c\r\nx\ty,\"q,\"\"uoted\"\"\nline\",é\n";
    assertThat(read(text)).isEqualTo(text);
  }

  @Test
  void fieldsAreCountedInCharactersNotBytes() throws IOException {
    assertThat(read("a,b\nx," + "é".repeat(256) + "\n")).endsWith("é\n");
    assertThatThrownBy(() -> read("a,b\nx," + "é".repeat(257) + "\n"))
        .isInstanceOf(FactoryFileLineException.class)
        .hasMessageStartingWith("line 2, field b: the field is longer than 256 characters");
  }

  @Test
  void aControlCharacterIsNamedByLineAndHeaderField() {
    // The comma inside quotes does not start a field; the quoted line break starts a line.
    assertThatThrownBy(() -> read("id,name,note\n1,\"a,\nb\",ok\u001B\n"))
        .isInstanceOf(FactoryFileLineException.class)
        .hasMessageStartingWith("line 3, field note: a control character (0x1B)");
    assertThatThrownBy(() -> read("id,na\u0000me\n"))
        .isInstanceOf(FactoryFileLineException.class)
        .hasMessageStartingWith("line 1: a NUL byte (0x00)");
    assertThatThrownBy(() -> read("id\n1,2,\u007F\n"))
        .hasMessageStartingWith("line 2, field column 3: a control character (0x7F)");
  }

  private static String read(String text) throws IOException {
    try (CheckedText in = new CheckedText(new ByteArrayInputStream(text.getBytes(UTF_8)))) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
