package io.shipready.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready backoffice}: the back office's commands. */
@Command(
    name = "backoffice",
    mixinStandardHelpOptions = true,
    description = "The back office: API tokens for the provisioning API.",
    subcommands = {BackofficeTokenCommand.class})
public final class BackofficeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a back-office command");
  }
}
