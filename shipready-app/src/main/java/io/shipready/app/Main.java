package io.shipready.app;

import io.shipready.app.cli.BackofficeCommand;
import io.shipready.app.cli.BenchCommand;
import io.shipready.app.cli.CheckCommand;
import io.shipready.app.cli.DemoCommand;
import io.shipready.app.cli.EmulateCommand;
import io.shipready.app.cli.ExportCommand;
import io.shipready.app.cli.KeysCommand;
import io.shipready.app.cli.LabelCommand;
import io.shipready.app.cli.PackCommand;
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
import io.shipready.app.cli.UnitCommand;
import io.shipready.app.cli.UploadCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code shipready} command line.
 *
 * <p>Building a command's full model (its options, mixins and subcommands, by reflection) is what
 * makes a Java command line slow to start, so only the command the arguments name is built in full;
 * the others are entered by name and description, which is all the top-level help, the "did you
 * mean" suggestions and the parser need from them.
 */
public final class Main {
  /** The commands, in the order the help lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(
          DemoCommand.class,
          RunCommand.class,
          EmulateCommand.class,
          StationCommand.class,
          RecipeCommand.class,
          TraceCommand.class,
          UnitCommand.class,
          PackCommand.class,
          RunsCommand.class,
          ReportCommand.class,
          ExportCommand.class,
          LabelCommand.class,
          UploadCommand.class,
          ProvisionCommand.class,
          CheckCommand.class,
          ToolsCommand.class,
          BackofficeCommand.class,
          KeysCommand.class,
          PackageCommand.class,
          BenchCommand.class);

  private Main() {}

  public static void main(String[] args) {
    // picocli otherwise probes for Groovy at start-up; shipready has no Groovy closures.
    System.setProperty("picocli.disable.closures", "true");
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
  public static int execute(String... args) {
    return commandLine(args).execute(args);
  }

  /** Every command built in full: for tools and tests that walk the whole command tree. */
  public static CommandLine commandLine() {
    return build(null, true);
  }

  /** The command line for these arguments: only the command they name is built in full. */
  public static CommandLine commandLine(String... args) {
    String named = namedCommand(args);
    // An @file argument holds arguments picocli expands later: the named command is not yet known.
    boolean all = named != null && named.startsWith("@");
    return build(named, all);
  }

  private static CommandLine build(String named, boolean all) {
    CommandLine commandLine = new CommandLine(new ShipreadyCommand());
    for (Class<?> command : COMMANDS) {
      Command annotation = command.getAnnotation(Command.class);
      if (all || names(annotation).contains(named)) {
        commandLine.addSubcommand(command);
      } else {
        commandLine.addSubcommand(entry(annotation));
      }
    }
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setParameterExceptionHandler(new UsageReporter());
    return commandLine;
  }

  private static List<String> names(Command annotation) {
    List<String> names = new java.util.ArrayList<>(List.of(annotation.aliases()));
    names.add(annotation.name());
    return names;
  }

  /** A command known by its name, aliases and description only. */
  private static CommandLine entry(Command annotation) {
    CommandSpec spec = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
    spec.usageMessage().description(annotation.description()).hidden(annotation.hidden());
    return new CommandLine(spec);
  }

  /** The first argument that is not an option of the top-level command (which take no values). */
  private static String namedCommand(String... args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }
}
