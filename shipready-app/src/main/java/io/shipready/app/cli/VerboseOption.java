package io.shipready.app.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** --verbose, shared by every command: show stack traces. */
public final class VerboseOption {
  @Option(
      names = {"-v", "--verbose"},
      description = "Show the full detail of errors.")
  boolean verbose;

  /** Whether --verbose was given anywhere on the command line. */
  public static boolean isOn(ParseResult result) {
    for (ParseResult current = result; current != null; current = current.subcommand()) {
      if (current.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
