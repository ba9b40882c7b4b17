package io.shipready.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --data, shared by the back-office commands. */
public final class BackofficeDataOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "backoffice-data",
      description =
          "Back-office data folder: accounts, host key, factory folders, receipts (default"
              + " ${DEFAULT-VALUE}).")
  Path data;
}
