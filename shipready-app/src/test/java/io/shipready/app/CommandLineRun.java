package io.shipready.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the real command line in-process, built as {@code shipready ARGS} builds it, and keeps what
 * it printed.
 */
record CommandLineRun(int exitCode, String out, String err) {
  static CommandLineRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = Main.commandLine(args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new CommandLineRun(exit, out.toString(), err.toString());
  }
}
