package io.shipready.app;

import io.shipready.app.cli.BackofficeCommand;
import io.shipready.app.cli.BenchCommand;
import io.shipready.app.cli.CheckCommand;
import io.shipready.app.cli.DemoCommand;
import io.shipready.app.cli.EmulateCommand;
import io.shipready.app.cli.ExportCommand;
import io.shipready.app.cli.KeysCommand;
import io.shipready.app.cli.LabelCommand;
import io.shipready.app.cli.PackageCommand;
import io.shipready.app.cli.ProvisionCommand;
import io.shipready.app.cli.RecipeCommand;
import io.shipready.app.cli.ReportCommand;
import io.shipready.app.cli.RunCommand;
import io.shipready.app.cli.RunsCommand;
import io.shipready.app.cli.ShipreadyCommand;
import io.shipready.app.cli.StationCommand;
import io.shipready.app.cli.ToolsCommand;
import io.shipready.app.cli.TraceCommand;
import io.shipready.app.cli.UploadCommand;
import picocli.CommandLine;

/** The {@code shipready} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine commandLine =
        new CommandLine(new ShipreadyCommand())
            .addSubcommand(new DemoCommand())
            .addSubcommand(new RunCommand())
            .addSubcommand(new EmulateCommand())
            .addSubcommand(new StationCommand())
            .addSubcommand(new RecipeCommand())
            .addSubcommand(new TraceCommand())
            .addSubcommand(new RunsCommand())
            .addSubcommand(new ReportCommand())
            .addSubcommand(new ExportCommand())
            .addSubcommand(new LabelCommand())
            .addSubcommand(new UploadCommand())
            .addSubcommand(new ProvisionCommand())
            .addSubcommand(new CheckCommand())
            .addSubcommand(new ToolsCommand())
            .addSubcommand(new BackofficeCommand())
            .addSubcommand(new KeysCommand())
            .addSubcommand(new PackageCommand())
            .addSubcommand(new BenchCommand());
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setParameterExceptionHandler(new UsageReporter());
    return commandLine;
  }
}
