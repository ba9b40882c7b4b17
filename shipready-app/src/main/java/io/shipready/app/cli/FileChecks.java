package io.shipready.app.cli;

import io.shipready.app.assembly.StationRecipes;
import io.shipready.app.lines.LineProfile;
import io.shipready.app.lines.LineProfiles;
import io.shipready.app.standins.StandInUnitTemplate;
import io.shipready.core.ShipreadyException;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeException;
import io.shipready.core.recipe.RecipeProblem;
import io.shipready.core.yaml.YamlInput;
import io.shipready.core.yaml.YamlInputException;
import io.shipready.output.config.ConfigProblem;
import io.shipready.output.config.StationConfigException;
import io.shipready.output.config.StationConfigKeys;
import io.shipready.output.config.StationConfigReader;
import io.shipready.output.factoryfile.FactoryFileLayout;
import io.shipready.output.factoryfile.FactoryFileLayouts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files of a line profile {@code shipready recipe check} knows, each checked with the reader
 * the station itself uses: a line's {@code line.yaml} and {@code stand-in.yaml} by their names, a
 * station config (or its template) and a factory-file layout by their top-level keys, anything else
 * as a recipe. So {@code recipe check lines/azure-sphere/*.yaml} checks the whole folder.
 */
final class FileChecks {
  private static final Set<String> RECIPE_KEYS = Set.of("recipe", "steps", "station");

  private FileChecks() {}

  static CheckedFile check(Path file) {
    String name = file.getFileName().toString();
    if (name.equals(LineProfiles.FILE_NAME)) {
      return lineProfile(file);
    }
    if (name.equals(StandInUnitTemplate.FILE_NAME)) {
      return standIn(file);
    }
    Set<String> keys = topLevelKeys(file);
    if (keys.stream().noneMatch(RECIPE_KEYS::contains)) {
      if (keys.stream().anyMatch(StationConfigKeys.names()::contains)) {
        return stationConfig(file, name.toLowerCase(Locale.ROOT).contains(".template."));
      }
      if (keys.contains("columns")) {
        return layout(file);
      }
    }
    return recipe(file);
  }

  /** A recipe, and every file it names, as a station checks them before its first unit. */
  private static CheckedFile recipe(Path file) {
    Recipe recipe;
    try {
      recipe = StationRecipes.parser().parse(file);
    } catch (RecipeException invalid) {
      return CheckedFile.refused("recipe", texts(invalid.problems()));
    }
    List<RecipeProblem> files = StationRecipes.fileProblems(recipe, StationRecipes.images(recipe));
    if (!files.isEmpty()) {
      return CheckedFile.refused("recipe", texts(files));
    }
    return CheckedFile.ok(
        "recipe",
        String.format(
            "%s %s, %d steps, device family %s",
            recipe.name(),
            recipe.version(),
            recipe.runSteps().size(),
            recipe.station().deviceFamily()));
  }

  private static CheckedFile stationConfig(Path file, boolean template) {
    String as = template ? "station config template" : "station config";
    try {
      if (template) {
        StationConfigReader.checkTemplate(file);
        return CheckedFile.ok(as, "each station fills in its " + StationConfigKeys.PLACEHOLDER);
      }
      var config = StationConfigReader.read(file);
      return CheckedFile.ok(as, "station " + config.stationId());
    } catch (StationConfigException invalid) {
      return CheckedFile.refused(
          as, invalid.problems().stream().map(ConfigProblem::toString).toList());
    }
  }

  private static CheckedFile lineProfile(Path file) {
    try {
      LineProfile line = LineProfiles.read(folder(file));
      return CheckedFile.ok(
          "line profile", line.name() + ", " + count(line.stations().size(), "station"));
    } catch (ShipreadyException invalid) {
      return CheckedFile.refused("line profile", List.of(invalid.getMessage()));
    }
  }

  private static CheckedFile standIn(Path file) {
    try {
      StandInUnitTemplate template = StandInUnitTemplate.read(folder(file));
      return CheckedFile.ok(
          "stand-in unit template",
          "family " + template.family() + ", driver " + template.slot().get("driver"));
    } catch (ShipreadyException invalid) {
      return CheckedFile.refused("stand-in unit template", List.of(invalid.getMessage()));
    }
  }

  private static CheckedFile layout(Path file) {
    try {
      FactoryFileLayout layout = FactoryFileLayouts.read(file);
      return CheckedFile.ok(
          "factory-file layout", layout.prefix() + ", " + count(layout.columns().size(), "column"));
    } catch (ShipreadyException invalid) {
      return CheckedFile.refused("factory-file layout", List.of(invalid.getMessage()));
    }
  }

  /**
   * The keys at the top of a YAML or JSON file; empty when it cannot be read as such, and then the
   * recipe reader explains where the syntax breaks.
   */
  private static Set<String> topLevelKeys(Path file) {
    try {
      return YamlInput.topLevelKeys(file.toString(), YamlInput.read(file, "file", "recipe.yaml"));
    } catch (YamlInputException unreadable) {
      return Set.of(); // read again below as a recipe, which says what is wrong and where
    }
  }

  /** The file's folder as the user named it, so messages show the path they typed. */
  private static Path folder(Path file) {
    Path folder = file.getParent();
    return folder != null ? folder : file.toAbsolutePath().getParent();
  }

  private static List<String> texts(List<RecipeProblem> problems) {
    return problems.stream().map(RecipeProblem::toString).toList();
  }

  private static String count(int n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }
}
