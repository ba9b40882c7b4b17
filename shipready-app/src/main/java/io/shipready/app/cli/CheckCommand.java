package io.shipready.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready check}: checks run on one attached device, outside a recipe. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check one attached device, outside a recipe run.",
    subcommands = ReadyToShipCheckCommand.class,
    commandListHeading = "%nChecks:%n")
public final class CheckCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a check, e.g. ready-to-ship");
  }
}
