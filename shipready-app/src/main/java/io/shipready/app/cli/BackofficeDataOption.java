package io.shipready.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --data, shared by every back-office command: one folder for all the back office keeps. */
public final class BackofficeDataOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "backoffice-data",
      description =
          "Back-office data folder: accounts, host key, factory folders, receipts and, unless"
              + " --db says otherwise, the database backoffice.db (default ${DEFAULT-VALUE}).")
  Path data;
}
