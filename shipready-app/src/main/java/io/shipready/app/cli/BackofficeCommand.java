package io.shipready.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready backoffice}: the service that receives factory files. */
@Command(
    name = "backoffice",
    mixinStandardHelpOptions = true,
    description = "Run the back office: SFTP drop for the factories, ingestion and HTTP API.",
    subcommands = {BackofficeServeCommand.class, BackofficeAccountCommand.class})
public final class BackofficeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a backoffice command: serve, account");
  }
}
