package io.shipready.output.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Station configs beyond the limits of what is read are refused with file:line:column and the fix,
 * never with a stack overflow.
 */
class StationConfigLimitsTest {
  private static final String HEAD =
      """
      stationId: PROG-01
      computerName: pc
      programmerName: acme-plug
      timeZone: Asia/Shanghai
      outputFolder: output
      archiveFolder: archive
      partNo: 100-0012-01
      manufacturer: Acme
      factory: Shenzhen-2
      hwVersion: "1.10"
      """;

  @TempDir Path folder;

  private ConfigProblem refusal(String text) {
    Throwable thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> catchThrowable(() -> StationConfigReader.parse("s.yaml", text, folder)));
    assertThat(thrown).isInstanceOf(StationConfigException.class);
    StationConfigException refused = (StationConfigException) thrown;
    assertThat(refused.problems()).hasSize(1);
    ConfigProblem problem = refused.problems().get(0);
    assertThat(problem.line()).isPositive();
    assertThat(problem.column()).isPositive();
    assertThat(problem.fix()).isNotBlank();
    return problem;
  }

  @Test
  void nestingTwoThousandLevelsDeepIsRefusedNotAStackOverflow() {
    ConfigProblem problem =
        refusal(HEAD + "extra:\n  deep: " + "[".repeat(2000) + "]".repeat(2000) + "\n");

    assertThat(problem.location()).isEqualTo("s.yaml:12:57");
    assertThat(problem.message()).contains("nested more than 50 levels");
  }

  @Test
  void aRecursiveAliasIsRefusedNotAStackOverflow() {
    ConfigProblem problem = refusal(HEAD + "extra: &loop\n  again: *loop\n");

    assertThat(problem.location()).isEqualTo("s.yaml:12:10");
    assertThat(problem.message()).contains("'*loop' is inside the value '&loop'");
  }

  @Test
  void anUnknownTagIsRefused() {
    ConfigProblem problem = refusal(HEAD.replace("factory: Shenzhen-2", "factory: !env FACTORY"));

    assertThat(problem.location()).isEqualTo("s.yaml:9:10");
    assertThat(problem.message()).isEqualTo("unknown YAML tag '!env'");
  }

  @Test
  void aControlCharacterIsRefused() {
    ConfigProblem problem = refusal(HEAD.replace("factory: Shenzhen-2", "factory: Shen\u001bzhen"));

    assertThat(problem.location()).isEqualTo("s.yaml:9:14");
    assertThat(problem.message()).contains("U+001B");
  }
}
