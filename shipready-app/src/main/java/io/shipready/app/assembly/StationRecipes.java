package io.shipready.app.assembly;

import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeException;
import io.shipready.core.recipe.RecipeFiles;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.recipe.RecipeProblem;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.image.FileImageLibrary;
import io.shipready.device.slots.DeviceFamilies;
import java.util.List;

/**
 * How a station reads its recipe and finds the files the recipe names, kept in one place so that
 * {@code shipready recipe check} refuses exactly what a station would refuse at start.
 */
public final class StationRecipes {
  private StationRecipes() {}

  /** The parser of recipes for simulated units: any family the station knows. */
  public static RecipeParser parser() {
    return new RecipeParser(StandardSteps.library(), DeviceFamilies.names());
  }

  /**
   * The parser for a station given its units: a slot map's slots name their own family (a board of
   * the factory's own on a J-Link), so only simulated units limit the family to the known ones.
   */
  static RecipeParser parserFor(UnitSupply units) {
    return units instanceof UnitSupply.Simulated
        ? parser()
        : new RecipeParser(StandardSteps.library());
  }

  /** Where a station running {@code recipe} loads its images from. */
  public static ImageLibrary images(Recipe recipe) {
    return new FileImageLibrary(recipe.baseDir());
  }

  /** Every file {@code recipe} names that is missing or not the one it pins; empty when none. */
  public static List<RecipeProblem> fileProblems(Recipe recipe, ImageLibrary images) {
    return RecipeFiles.check(recipe, StandardSteps.library(), images);
  }

  /**
   * @throws RecipeException naming each file the recipe names that is missing or not the approved
   *     one, so the station refuses to start instead of failing every unit
   */
  static void requireFiles(Recipe recipe, ImageLibrary images) {
    List<RecipeProblem> problems = fileProblems(recipe, images);
    if (!problems.isEmpty()) {
      throw new RecipeException(problems);
    }
  }
}
