package io.shipready.app.cli;

import io.shipready.core.FileErrors;
import io.shipready.core.recipe.RecipeSchema;
import io.shipready.core.steps.StandardSteps;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Working with recipes: check them, print their schema. */
@Command(
    name = "recipe",
    description = "Check recipes and print the recipe JSON Schema.",
    mixinStandardHelpOptions = true,
    subcommands = {
      RecipeCommand.Check.class,
      RecipeCommand.Schema.class,
      RecipeCommand.Kinds.class
    })
public final class RecipeCommand {

  /** {@code shipready recipe check FILE...}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Report every problem in recipes as file:line:column, with what to do, as a station would"
            + " refuse them at start: the recipe itself, and every file its steps name (images,"
            + " label templates, hooks, OS lists) is there and matches its pinned SHA-256.",
        "A line profile's other files are checked with their own readers and named as such:"
            + " line.yaml, stand-in.yaml, station configs (CHANGE_ME refused; a"
            + " *.template.yaml keeps them) and factory-file layouts, so 'recipe check"
            + " lines/NAME/*.yaml' checks a whole line."
      })
  public static final class Check implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE",
        description = "Recipes, or other files of a line profile.")
    List<Path> files;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      var err = spec.commandLine().getErr();
      int problems = 0;
      for (Path file : files) {
        if (!Files.isRegularFile(file)) {
          err.println(
              FileErrors.unreadable(
                  file, new NoSuchFileException(file.toString()), "recipe", "recipe.yaml"));
          problems++;
          continue;
        }
        CheckedFile checked = FileChecks.check(file);
        if (checked.problems().isEmpty()) {
          out.printf("%s: ok, %s (%s)%n", file, checked.checkedAs(), checked.summary());
          continue;
        }
        int count = checked.problems().size();
        out.printf(
            "%s: checked as a %s: %d %s%n",
            file, checked.checkedAs(), count, count == 1 ? "problem" : "problems");
        checked.problems().forEach(out::println);
        problems += count;
      }
      if (problems > 0) {
        out.println(problems + (problems == 1 ? " problem" : " problems"));
      }
      out.flush();
      return problems == 0 ? 0 : 1;
    }
  }

  /** {@code shipready recipe schema}. */
  @Command(
      name = "schema",
      mixinStandardHelpOptions = true,
      description = "Print the JSON Schema of recipes, for editors that complete and check YAML.")
  public static final class Schema implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to a file instead.")
    Path out;

    @Override
    public Integer call() throws Exception {
      String schema = RecipeSchema.generate(StandardSteps.library());
      if (out == null) {
        spec.commandLine().getOut().println(schema);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(out, schema + System.lineSeparator());
      }
      return 0;
    }
  }

  /** {@code shipready recipe kinds}. */
  @Command(
      name = "kinds",
      mixinStandardHelpOptions = true,
      description = "List the step kinds a recipe can use, with their parameters.")
  public static final class Kinds implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      for (var kind : StandardSteps.library().kinds()) {
        out.printf(
            "%s%s%n    %s%n",
            kind.name(),
            kind.takesMeasurements() ? " (takes measurements)" : "",
            kind.description());
        for (var param : kind.params()) {
          out.printf(
              "    with.%-22s %-11s %s%s%n",
              param.name(),
              param.type().name().toLowerCase(java.util.Locale.ROOT),
              param.required() ? "required. " : "",
              param.description() + (param.allowed().isEmpty() ? "" : " " + param.allowed()));
        }
      }
      out.flush();
      return 0;
    }
  }
}
