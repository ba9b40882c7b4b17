package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passphrase from the environment, as a factory PC gives it: the real command line in a child
 * process, since a test cannot set its own process's environment.
 */
class PackagePassphraseProcessTest {
  private static final String VARIABLE = "SHIPREADY_PACKAGE_PASSPHRASE";

  @Test
  void thePassphraseComesFromTheEnvironmentAndNeverFromTheCommandLine(@TempDir Path dir)
      throws Exception {
    Path keys = dir.resolve("keys");
    Path file = dir.resolve("sample.srpkg");
    assertThat(
            shipready(Map.of(), "keys", "generate", "--out", keys.toString(), "--id", "team").exit)
        .isZero();

    Result built =
        shipready(
            Map.of(VARIABLE, "first shift"),
            "package",
            "build",
            Path.of("..", "lines", "sample").toString(),
            "--out",
            file.toString(),
            "--version",
            "3",
            "--sign",
            keys.resolve("team.key").toString(),
            "--encrypt",
            "--kdf-memory-kib",
            "64",
            "--kdf-iterations",
            "1");
    assertThat(built.exit).as(built.output).isZero();
    assertThat(built.output).contains("encrypted: AES-256-GCM, Argon2id 64 KiB, 1 pass");

    String trust = keys.resolve("team.pub").toString();
    Result opened =
        shipready(
            Map.of(VARIABLE, "first shift"),
            "package",
            "verify",
            file.toString(),
            "--trust",
            trust);
    Result wrong =
        shipready(
            Map.of(VARIABLE, "second shift"),
            "package",
            "verify",
            file.toString(),
            "--trust",
            trust);
    Result none = shipready(Map.of(), "package", "verify", file.toString(), "--trust", trust);
    Result asArgument =
        shipready(
            Map.of(), "package", "verify", file.toString(), "--trust", trust, "--passphrase", "x");

    assertThat(opened.exit).as(opened.output).isZero();
    assertThat(wrong.exit).isEqualTo(1);
    assertThat(wrong.output).contains("wrong passphrase or damaged package");
    assertThat(none.exit).isEqualTo(1);
    assertThat(none.output).contains("set " + VARIABLE + " or give --passphrase-file");
    assertThat(asArgument.exit).isEqualTo(2);
  }

  private record Result(int exit, String output) {}

  private static Result shipready(Map<String, String> environment, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove(VARIABLE);
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of(nullDevice()).toFile()));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("shipready did not end: " + output);
    }
    return new Result(process.exitValue(), output);
  }

  private static String nullDevice() {
    return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
  }
}
