package io.shipready.app;

import io.shipready.app.cli.VerboseOption;
import io.shipready.core.ShipreadyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception into a message and exit code 1: the one place where errors reach the user. A
 * stack trace is for developers: shown only with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    String message = UserMessage.of(exception);
    boolean expected =
        exception instanceof ShipreadyException
            || exception instanceof IOException
            || exception instanceof UncheckedIOException;
    if (expected) {
      err.println("shipready: " + message);
    } else {
      // Not an error shipready raises on purpose: a fault in shipready itself.
      err.println(
          "shipready: internal error"
              + (message.isEmpty() ? "" : ": " + message)
              + " (a fault in shipready; please report it with what --verbose prints)");
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
