package io.shipready.app.cli;

import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeException;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.recipe.RecipeProblem;
import io.shipready.core.recipe.RecipeSchema;
import io.shipready.core.steps.StandardSteps;
import java.nio.file.Files;
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
      description = "Report every problem in the recipes as file:line:column, with what to do.")
  public static final class Check implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recipe files.")
    List<Path> files;

    @Override
    public Integer call() {
      RecipeParser parser = new RecipeParser(StandardSteps.library());
      var out = spec.commandLine().getOut();
      int problems = 0;
      for (Path file : files) {
        try {
          Recipe recipe = parser.parse(file);
          out.printf(
              "%s: ok (%s %s, %d steps, device family %s)%n",
              file,
              recipe.name(),
              recipe.version(),
              recipe.runSteps().size(),
              recipe.station().deviceFamily());
        } catch (RecipeException invalid) {
          for (RecipeProblem problem : invalid.problems()) {
            out.println(problem);
          }
          problems += invalid.problems().size();
        }
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
