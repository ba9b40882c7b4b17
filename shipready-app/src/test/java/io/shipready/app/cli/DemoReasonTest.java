package io.shipready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoReasonTest {
  @Test
  void aLongReasonIsWrappedUnderItsStartAndKeptWhole() {
    String reason = ("measured current 412 mA is above the limit 350 mA; ").repeat(5).strip();

    String shown = DemoCommand.wrapped("      unit 3   FAIL   at current: ", reason);

    String[] lines = shown.split(System.lineSeparator());
    assertThat(lines.length).isGreaterThan(1);
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    assertThat(lines[1]).startsWith(" ".repeat(34)).doesNotStartWith(" ".repeat(35));
    assertThat(shown.replaceAll("\\s+", " ")).endsWith(reason).doesNotContain("...");
  }
}
