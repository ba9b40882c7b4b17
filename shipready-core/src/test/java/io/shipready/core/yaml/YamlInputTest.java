package io.shipready.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlInputTest {
  private static YamlInputException refusal(String text) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> YamlInput.load("f.yaml", text));
    assertThat(thrown).isInstanceOf(YamlInputException.class);
    return (YamlInputException) thrown;
  }

  private static void assertAt(YamlInputException refused, int line, int column) {
    assertThat(refused.location()).isEqualTo(new SourceLocation("f.yaml", line, column));
    assertThat(refused.getMessage()).startsWith("f.yaml:" + line + ":" + column + ": ");
    assertThat(refused.fix()).isNotBlank();
  }

  @Test
  void flowNestingTwoThousandLevelsDeepIsRefusedWhereItPassesTheLimit() {
    YamlInputException refused = refusal("a: " + "[".repeat(2000) + "]".repeat(2000) + "\n");

    assertAt(refused, 1, 3 + 50); // the root mapping is the first level
    assertThat(refused.problem()).contains("nested more than 50 levels");
  }

  @Test
  void blockNestingTooDeepIsRefused() {
    StringBuilder text = new StringBuilder();
    for (int level = 0; level < 2000; level++) {
      text.append(" ".repeat(level)).append("k:\n");
    }
    YamlInputException refused = refusal(text.toString());

    assertAt(refused, 51, 51);
  }

  @Test
  void fiftyLevelsAreRead() {
    Object value = YamlInput.load("f.yaml", "[".repeat(50) + "]".repeat(50));

    assertThat(value).isInstanceOf(List.class);
  }

  @Test
  void anAliasInsideTheValueItNamesIsRefused() {
    YamlInputException refused = refusal("a: &loop\n  - 1\n  - *loop\n");

    assertAt(refused, 3, 5);
    assertThat(refused.problem()).contains("'*loop' is inside the value '&loop'");
  }

  @Test
  void aRecursiveMappingAliasIsRefused() {
    YamlInputException refused = refusal("a: &m {b: *m}\n");

    assertAt(refused, 1, 11);
  }

  @Test
  void aliasesOfAliasesThatExpandBeyondTheLimitAreRefused() {
    StringBuilder laughs =
        new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      String previous = "*a" + (i - 1);
      laughs
          .append("a" + i + ": &a" + i + " [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous)))
          .append("]\n");
    }
    YamlInputException refused = refusal(laughs.toString());

    assertThat(refused.problem()).contains("more than 100000 values");
    assertThat(refused.location().line()).isBetween(5, 7);
  }

  @Test
  void aliasesThatNestTooDeepAreRefused() {
    String deep = "[".repeat(30) + "]".repeat(30);
    YamlInputException refused =
        refusal("a: &d " + deep + "\nb: " + "[".repeat(25) + "*d" + "]".repeat(25));

    assertAt(refused, 2, 4 + 25);
    assertThat(refused.problem()).contains("alias '*d' nests");
  }

  @Test
  void aliasesWithinTheLimitsStandForTheirValue() {
    Object value = YamlInput.load("f.yaml", "a: &v {x: 1}\nb: *v\nc: *v\n");

    assertThat(value)
        .isEqualTo(Map.of("a", Map.of("x", 1), "b", Map.of("x", 1), "c", Map.of("x", 1)));
  }

  @Test
  void aControlCharacterIsRefusedWhereItIs() {
    YamlInputException refused = refusal("a: 1\nb: x\u0007y\n");

    assertAt(refused, 2, 5);
    assertThat(refused.problem()).contains("U+0007");
  }

  @Test
  void aNulIsRefused() {
    YamlInputException refused = refusal("a: \"x\u0000\"\n");

    assertAt(refused, 1, 6);
    assertThat(refused.problem()).contains("U+0000");
  }

  @Test
  void tabsAndLineBreaksAreText() {
    assertThat(YamlInput.load("f.yaml", "a: \"x\ty\"\r\nb: 2\r\n"))
        .isEqualTo(Map.of("a", "x\ty", "b", 2));
  }

  @Test
  void aSyntaxErrorNamesItsLineAndColumn() {
    YamlInputException refused = refusal("a: 1\nb: [1, 2\nc: 3\n");

    assertThat(refused.location().line()).isGreaterThan(1);
    assertThat(refused.location().column()).isPositive();
    assertThat(refused.problem()).startsWith("YAML syntax error");
  }

  @Test
  void anUnknownTagIsRefusedWhenLoaded() {
    YamlInputException refused = refusal("a: 1\nb: !foo 3\n");

    assertAt(refused, 2, 4);
  }

  @Test
  void aDuplicateKeyIsRefusedWhenLoaded() {
    YamlInputException refused = refusal("a: 1\na: 2\n");

    assertThat(refused.location().line()).isEqualTo(2);
  }

  @Test
  void textLargerThanTheLimitIsRefused() {
    YamlInputException refused = refusal("# " + "x".repeat(8 * 1024 * 1024) + "\n");

    assertAt(refused, 1, 1);
    assertThat(refused.problem()).contains("8 MiB");
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedBeforeItIsRead(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("big.yaml");
    Files.write(file, new byte[8 * 1024 * 1024 + 1]);

    assertThatThrownBy(() -> YamlInput.read(file, "recipe", "recipe.yaml"))
        .isInstanceOf(YamlInputException.class)
        .hasMessageContaining(file + ":1:1: the file is 8388609 bytes, more than the 8 MiB read");
  }

  @Test
  void aFileNotInUtf8IsRefused(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("latin1.yaml");
    Files.write(file, "a: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> YamlInput.load(file, "config", "config.yaml"))
        .isInstanceOf(YamlInputException.class)
        .hasMessageContaining("the config is not UTF-8 text");
  }

  @Test
  void anEmptyDocumentIsNull() {
    assertThat(YamlInput.load("f.yaml", "# nothing\n")).isNull();
  }
}
