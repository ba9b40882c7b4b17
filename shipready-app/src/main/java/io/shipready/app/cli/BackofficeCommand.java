package io.shipready.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready backoffice}: the service that receives factory files and provisions units. */
@Command(
    name = "backoffice",
    mixinStandardHelpOptions = true,
    description =
        "Run the back office: SFTP drop for the factories, ingestion, the provisioning API and its tokens.",
    subcommands = {
      BackofficeServeCommand.class,
      BackofficeAccountCommand.class,
      BackofficeTokenCommand.class
    })
public final class BackofficeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "name a backoffice command: serve, account, token");
  }
}
