package io.shipready.app.cli;

import io.shipready.stationpackage.PackageException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where a package passphrase comes from — never the command line, where other users and shell
 * history would see it: the environment variable {@value #ENVIRONMENT}, a file (its first line), or
 * a prompt on the terminal.
 */
public final class PassphraseOption {
  public static final String ENVIRONMENT = "SHIPREADY_PACKAGE_PASSPHRASE";

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description =
          "Read the package passphrase from the first line of FILE (default: $"
              + ENVIRONMENT
              + ", else a prompt on the terminal).")
  Path file;

  /** The passphrase to open a package with. */
  char[] toOpen() {
    return read(false);
  }

  /** The passphrase to seal a new package with; a prompt asks twice. */
  char[] toSeal() {
    return read(true);
  }

  private char[] read(boolean confirm) {
    if (file != null) {
      return fromFile();
    }
    String fromEnvironment = System.getenv(ENVIRONMENT);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new PackageException(
          "the package passphrase is needed: set "
              + ENVIRONMENT
              + " or give --passphrase-file FILE (no terminal to ask on)");
    }
    char[] first = console.readPassword("Package passphrase: ");
    if (first == null || first.length == 0) {
      throw new PackageException("no passphrase given");
    }
    if (confirm) {
      char[] again = console.readPassword("Again, to confirm: ");
      boolean same = Arrays.equals(first, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        Arrays.fill(first, '\0');
        throw new PackageException("the two passphrases differ; nothing was written");
      }
    }
    return first;
  }

  private char[] fromFile() {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String line = end < 0 ? text : text.substring(0, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        throw new PackageException(file + ": the first line, the passphrase, is empty");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new PackageException("cannot read the passphrase file " + file + ": " + e, e);
    }
  }
}
