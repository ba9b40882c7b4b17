package io.shipready.app;

import io.shipready.app.cli.VerboseOption;
import io.shipready.core.ShipreadyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception into a message and exit code 1. A stack trace is for developers: shown only
 * with --verbose, or for errors that are not ours (which are bugs).
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    if (exception instanceof ShipreadyException || exception instanceof java.io.IOException) {
      err.println("shipready: " + exception.getMessage());
    } else {
      err.println("shipready: unexpected error: " + exception);
    }
    if (VerboseOption.isOn(parseResult)) {
      exception.printStackTrace(err);
    } else if (!(exception instanceof ShipreadyException)) {
      err.println("(run again with --verbose for details)");
    }
    err.flush();
    return 1;
  }
}
