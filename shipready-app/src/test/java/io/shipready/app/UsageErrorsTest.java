package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads after a mistake: the message, a guess, where the usage is; no Java names. */
class UsageErrorsTest {
  private static final String JAVA_NAME = "java.";

  @Test
  void aMisspeltCommandIsNamedWithTheNearestOne() {
    CommandLineRun run = CommandLineRun.of("rnu");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "shipready: 'rnu' is not a shipready command",
                "Did you mean 'run'?",
                "See 'shipready --help'.",
                ""));
  }

  @Test
  void aMisspeltOptionIsNamedWithTheNearestOne() {
    CommandLineRun run = CommandLineRun.of("trace", "P1", "--jsno");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown option '--jsno'")
        .contains("Did you mean '--json'?")
        .contains("See 'shipready trace --help'.")
        .doesNotContain("Usage:");
  }

  @Test
  void aMissingRecipeSaysSoWithoutJavaNames(@TempDir Path folder) {
    Path missing = folder.resolve("nope.yaml");

    CommandLineRun run =
        CommandLineRun.of("run", "--recipe", missing.toString(), "--simulate", "1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("recipe not found: " + missing).doesNotContain(JAVA_NAME);
  }

  @Test
  void aFolderGivenAsRecipeNamesTheFileToGive(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("recipe.yaml"), "recipe: x\n");

    CommandLineRun check = CommandLineRun.of("recipe", "check", folder.toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out() + check.err())
        .contains(
            folder + " is a folder; give the recipe file (e.g. " + folder.resolve("recipe.yaml"))
        .doesNotContain(JAVA_NAME)
        .doesNotContain("no such file");
  }

  @Test
  void theVersionNamesTheCommitOrSaysItIsUnknown() {
    CommandLineRun run = CommandLineRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("shipready ")
        .containsPattern("commit [0-9a-f]{7}|unknown commit");
  }

  @Test
  void aQuotedJavaExceptionReadsAsItsMeaning() {
    var cause = new java.nio.file.NoSuchFileException("accounts.json");
    var thrown =
        new io.shipready.core.ShipreadyException(
            "Cannot read the accounts file accounts.json: " + cause, cause);

    assertThat(UserMessage.of(thrown))
        .isEqualTo(
            "Cannot read the accounts file accounts.json: no such file or folder: accounts.json");
    assertThat(UserMessage.plain("cannot read x: java.io.IOException: Is a directory"))
        .isEqualTo("cannot read x: Is a directory");
  }
}
