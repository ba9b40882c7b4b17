package io.shipready.output.factoryfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameEncodingTest {

  @Test
  void keepsLettersDigitsDotsAndHyphens() {
    assertThat(FileNameEncoding.encode("LINE-PC-3.factory")).isEqualTo("LINE-PC-3.factory");
  }

  @Test
  void encodesEverythingElseAsUtf8Bytes() {
    assertThat(FileNameEncoding.encode("a_b")).isEqualTo("a%5Fb");
    assertThat(FileNameEncoding.encode("a b")).isEqualTo("a%20b");
    assertThat(FileNameEncoding.encode("100%")).isEqualTo("100%25");
    assertThat(FileNameEncoding.encode("Prüfplatz")).isEqualTo("Pr%C3%BCfplatz");
    assertThat(FileNameEncoding.encode("工位1")).isEqualTo("%E5%B7%A5%E4%BD%8D1");
    assertThat(FileNameEncoding.encode("C:\\PC/1")).isEqualTo("C%3A%5CPC%2F1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LINE-PC-3",
        "Linie 3 – Prüfplatz",
        "生产线-工位３",
        "Ligne n°2 (été)",
        "станция_7",
        "🏭 floor 2",
        "e\u0301", // e + combining acute: kept as written, not normalized
        "%41",
        "a_b_c",
        "..",
        "CON",
        " "
      })
  void decodesBackToTheName(String name) {
    String encoded = FileNameEncoding.encode(name);
    assertThat(encoded).matches("[A-Za-z0-9.%-]*");
    assertThat(FileNameEncoding.decode(encoded)).isEqualTo(name);
  }

  @Test
  void differentNamesNeverShareAnEncoding() {
    Random random = new Random(20250115);
    Map<String, String> seen = new HashMap<>();
    String alphabet = "aA0._-% /\\:üÜé工位🏭\u0301";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = 1 + random.nextInt(6);
      for (int j = 0; j < length; j++) {
        name.appendCodePoint(
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      String encoded = FileNameEncoding.encode(name.toString());
      String before = seen.putIfAbsent(encoded, name.toString());
      assertThat(before).as("names sharing %s", encoded).isIn(null, name.toString());
      assertThat(FileNameEncoding.decode(encoded)).isEqualTo(name.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a_b", // raw underscore
        "a b", // raw space
        "%c3%bc", // lower-case hex
        "%41", // a kept character written encoded
        "%C3", // cut-off UTF-8
        "%G1", // not hex
        "ab%4", // cut-off escape
        "ü" // raw non-ASCII
      })
  void refusesWhatEncodeWouldNotWrite(String text) {
    assertThat(FileNameEncoding.isEncoded(text)).isFalse();
    assertThatThrownBy(() -> FileNameEncoding.decode(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not an encoded name");
  }

  @Test
  void refusesTextThatIsNotUnicode() {
    assertThatThrownBy(() -> FileNameEncoding.encode("PC\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lone surrogate");
  }
}
