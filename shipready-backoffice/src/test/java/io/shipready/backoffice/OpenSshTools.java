package io.shipready.backoffice;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The stock OpenSSH client tools ({@code sftp}, {@code ssh-keygen}, {@code ssh-keyscan}), found on
 * the PATH. A test that needs them is skipped, saying so, where they are not installed (Debian:
 * {@code apt-get install openssh-client}).
 */
final class OpenSshTools {
  private OpenSshTools() {}

  /** Skips the calling test, printing why, unless every tool is on the PATH. */
  static void assumeInstalled(String... tools) {
    for (String tool : tools) {
      if (find(tool).isEmpty()) {
        String reason =
            "OpenSSH client test skipped: '"
                + tool
                + "' is not on the PATH (install the openssh-client package).";
        System.err.println(reason);
        assumeTrue(false, reason);
      }
    }
  }

  static Optional<Path> find(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The result of a finished command.
   *
   * @param exit its exit code
   * @param output standard output and error together
   */
  record Result(int exit, String output) {}

  /** Runs a command to its end (at most a minute), with standard input from {@code /dev/null}. */
  static Result run(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish within a minute");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** {@code ssh-keygen -t ed25519} without passphrase; the public key is beside it as .pub. */
  static Path ed25519Key(Path file) throws IOException, InterruptedException {
    Result made =
        run(
            List.of(
                "ssh-keygen",
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-C",
                "test",
                "-f",
                file.toString()));
    if (made.exit() != 0) {
      throw new IOException("ssh-keygen failed: " + made.output());
    }
    return file;
  }

  /** What {@code ssh-keyscan -p PORT -t TYPE 127.0.0.1} prints on its standard output. */
  static String keyscan(int port, String type) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                List.of("ssh-keyscan", "-p", String.valueOf(port), "-t", type, "127.0.0.1"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /** {@code sftp -b BATCH} with only the given key and known_hosts file, nothing from ~/.ssh. */
  static Result sftpBatch(
      Path batch, Path key, Path knownHosts, String user, int port, String... commands)
      throws IOException, InterruptedException {
    Files.write(batch, List.of(commands));
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "sftp",
            "-b",
            batch.toString(),
            "-F",
            "/dev/null",
            "-i",
            key.toString(),
            "-P",
            String.valueOf(port),
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "UserKnownHostsFile=" + knownHosts,
            "-o",
            "GlobalKnownHostsFile=/dev/null",
            user + "@127.0.0.1"));
    return run(command);
  }
}
