package io.shipready.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top of the command line: lists the commands when called alone. */
@Command(
    name = "shipready",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs the factory floor for connected devices: program, test, label and record.",
    commandListHeading = "%nCommands:%n")
public final class ShipreadyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command");
  }
}
