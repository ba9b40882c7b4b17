package io.shipready.app;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Bad usage: the message, then the usage of the command that was meant, and exit code 2. */
final class UsageReporter implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    var err = commandLine.getErr();
    err.println("shipready: " + exception.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
    err.println();
    commandLine.usage(err);
    err.flush();
    return 2;
  }
}
