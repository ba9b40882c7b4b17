package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.SourceLocation;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepKind;
import io.shipready.core.step.StepLibrary;
import io.shipready.core.step.TextFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks that every file a recipe's steps name is there and, where the recipe pins a SHA-256, is
 * the approved one. The steps say which files they name ({@link StepKind#referencedFiles}); images
 * are found through the station's image library, as the steps load them, other files in the
 * recipe's folder. A station runs this before its first unit, so a missing image stops it once,
 * with the step and the fix, instead of ending every unit in ERROR.
 */
public final class RecipeFiles {
  private RecipeFiles() {}

  /**
   * Every problem with the files {@code recipe} names, in file order; empty when all are there.
   *
   * @param images the image library the station loads images from
   */
  public static List<RecipeProblem> check(Recipe recipe, StepLibrary library, ImageLibrary images) {
    requireNonNull(recipe, "recipe");
    requireNonNull(library, "library");
    requireNonNull(images, "images");
    List<RecipeProblem> problems = new ArrayList<>();
    for (StepSpec step : recipe.allSteps()) {
      StepKind kind = library.find(step.kind()).orElse(null);
      if (kind == null) {
        continue; // refused when the recipe was read
      }
      for (ReferencedFile file : kind.referencedFiles(step)) {
        check(recipe.baseDir(), step, file, images, problems);
      }
    }
    problems.sort(
        Comparator.comparingInt((RecipeProblem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return List.copyOf(problems);
  }

  private static void check(
      Path folder,
      StepSpec step,
      ReferencedFile file,
      ImageLibrary images,
      List<RecipeProblem> problems) {
    String where = "step '" + step.id() + "': ";
    SourceLocation at = step.location(file.param());
    String pinned = file.sha256();
    if (pinned != null && TextFormat.SHA256.problem(pinned) != null) {
      problems.add(
          new RecipeProblem(
              step.location("sha256"),
              where + "'sha256' " + TextFormat.SHA256.problem(pinned),
              TextFormat.SHA256.fix()));
      pinned = null;
    }
    if (file.lookup() == ReferencedFile.Lookup.IMAGE) {
      byte[] content;
      try {
        content = images.load(file.path()).content();
      } catch (ShipreadyException missing) {
        problems.add(
            new RecipeProblem(
                at,
                where + missing.getMessage(),
                "put the approved image there, or correct '" + file.param() + ":'"));
        return;
      }
      String actual = sha256(content);
      if (pinned != null && !pinned.toLowerCase(Locale.ROOT).equals(actual)) {
        problems.add(
            new RecipeProblem(
                step.location("sha256"),
                where
                    + "image "
                    + file.path()
                    + " has SHA-256 "
                    + actual
                    + ", but the recipe pins "
                    + pinned
                    + ", so it is not the approved file",
                "put the approved image at "
                    + file.path()
                    + "; if this file is the approved one, pin it: sha256: "
                    + actual));
      }
      return;
    }
    if (folder == null) {
      return; // a recipe built in memory names no folder to look in
    }
    Path resolved = folder.resolve(file.path()).normalize();
    if (!Files.isRegularFile(resolved)) {
      problems.add(
          new RecipeProblem(
              at,
              where + file.what() + " " + file.path() + " not found at " + resolved,
              "put the file there or correct '"
                  + file.param()
                  + ":'; paths are relative to the recipe's folder"));
    } else if (file.lookup() == ReferencedFile.Lookup.PROGRAM && !Files.isExecutable(resolved)) {
      problems.add(
          new RecipeProblem(
              at,
              where + "program " + file.path() + " is not executable",
              "make it executable (chmod +x "
                  + file.path()
                  + ") or run it through its interpreter, e.g. run: [sh, "
                  + file.path()
                  + "]"));
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }
}
