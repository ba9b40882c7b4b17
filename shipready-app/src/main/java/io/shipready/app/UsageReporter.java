package io.shipready.app;

import io.shipready.core.EditDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage: the message, a guess at what was meant, and where the usage is; exit code 2. The usage
 * itself is not printed: fifty lines of it would scroll the message away.
 */
final class UsageReporter implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    var err = commandLine.getErr();
    err.println("shipready: " + message(exception));
    suggestion(exception).ifPresent(err::println);
    err.println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String message(ParameterException exception) {
    if (exception instanceof UnmatchedArgumentException) {
      UnmatchedArgumentException unmatched = (UnmatchedArgumentException) exception;
      List<String> arguments = unmatched.getUnmatched();
      if (unmatched.isUnknownOption() && !arguments.isEmpty()) {
        return "unknown option '" + arguments.get(0) + "'";
      }
      if (!arguments.isEmpty()) {
        CommandLine at = unmatched.getCommandLine();
        return at.getSubcommands().isEmpty()
            ? "unexpected argument '" + arguments.get(0) + "'"
            : "'" + arguments.get(0) + "' is not a " + at.getCommandName() + " command";
      }
    }
    return UserMessage.plain(exception.getMessage());
  }

  /** "Did you mean ..." for a misspelt command or option, when one is near enough. */
  private static Optional<String> suggestion(ParameterException exception) {
    if (!(exception instanceof UnmatchedArgumentException)) {
      return Optional.empty();
    }
    UnmatchedArgumentException unmatched = (UnmatchedArgumentException) exception;
    if (unmatched.getUnmatched().isEmpty()) {
      return Optional.empty();
    }
    String typed = unmatched.getUnmatched().get(0).split("=", 2)[0];
    CommandLine at = unmatched.getCommandLine();
    List<String> known = new ArrayList<>();
    if (typed.startsWith("-")) {
      at.getCommandSpec().options().forEach(option -> known.addAll(List.of(option.names())));
    } else {
      known.addAll(at.getSubcommands().keySet());
    }
    Optional<String> nearest = EditDistance.nearest(typed, known);
    if (nearest.isEmpty() && !unmatched.getSuggestions().isEmpty()) {
      nearest = Optional.of(unmatched.getSuggestions().get(0));
    }
    return nearest.map(name -> "Did you mean '" + name + "'?");
  }
}
