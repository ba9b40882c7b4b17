package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;
import io.shipready.core.step.StepLibrary;
import io.shipready.core.yaml.YamlInput;
import io.shipready.core.yaml.YamlInputException;
import io.shipready.core.yaml.YamlTags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads recipe files and checks them against a station's step library: the format, the steps'
 * parameters and measurements, their dependencies and the ordering rules. Every problem found is
 * reported, each with its file, line and column and what to do about it.
 *
 * <p>A parser holds no state between recipes and may be shared.
 */
public final class RecipeParser {
  private final StepLibrary library;
  private final Set<String> families;

  /** A parser that takes any device family, for a station whose units are given in code. */
  public RecipeParser(StepLibrary library) {
    this(library, Set.of());
  }

  /**
   * @param families the device families a station can build or reach units of; a recipe naming
   *     another is refused. Empty to take any.
   */
  public RecipeParser(StepLibrary library, Set<String> families) {
    this.library = requireNonNull(library, "library");
    this.families = new TreeSet<>(requireNonNull(families, "families"));
  }

  /**
   * Reads a recipe file. Files it names are relative to its folder; its hash is kept so each run
   * can be tied to the exact recipe it ran.
   *
   * @throws RecipeException with every problem found, or when the file cannot be read
   */
  public Recipe parse(Path file) {
    return orThrow(read(file));
  }

  /**
   * Reads a recipe from text.
   *
   * @param sourceName how problems name the recipe, usually its path
   * @param baseDir the folder files named by the recipe are relative to
   * @throws RecipeException with every problem found
   */
  public Recipe parse(String sourceName, String yamlText, Path baseDir) {
    return orThrow(read(sourceName, yamlText, baseDir));
  }

  /** Every problem in a recipe file; empty when it may be run. */
  public List<RecipeProblem> check(Path file) {
    return read(file).problems;
  }

  /** Every problem in a recipe given as text; empty when it may be run. */
  public List<RecipeProblem> check(String sourceName, String yamlText) {
    return read(sourceName, yamlText, null).problems;
  }

  private Result read(Path file) {
    requireNonNull(file, "file");
    String source = file.toString();
    byte[] bytes;
    String text;
    try {
      bytes = YamlInput.bytes(file, "recipe", "recipe.yaml");
      text = YamlInput.text(source, bytes, "recipe");
    } catch (YamlInputException unreadable) {
      return Result.failed(problem(unreadable));
    }
    Path baseDir = file.toAbsolutePath().getParent();
    return read(source, text, baseDir, sha256(bytes));
  }

  private Result read(String sourceName, String yamlText, Path baseDir) {
    requireNonNull(yamlText, "yamlText");
    return read(sourceName, yamlText, baseDir, sha256(yamlText.getBytes(StandardCharsets.UTF_8)));
  }

  private Result read(String sourceName, String yamlText, Path baseDir, String sha256) {
    requireNonNull(sourceName, "sourceName");
    Problems problems = new Problems(sourceName);
    Optional<Node> root;
    try {
      root = YamlInput.compose(sourceName, yamlText);
    } catch (YamlInputException unreadable) {
      return Result.failed(problem(unreadable));
    }
    if (root.isEmpty()) {
      problems.add(
          new SourceLocation(sourceName, 1, 1),
          "the recipe is empty",
          "write at least 'recipe:', 'version:', 'station:' and 'steps:' (see docs/recipes.md)");
      return new Result(null, problems.inFileOrder());
    }
    for (Node tagged : YamlTags.unknown(root.get())) {
      problems.add(tagged, YamlTags.problem(tagged), YamlTags.FIX);
      YamlTags.untag(tagged);
    }
    Optional<Recipe> recipe =
        new RecipeReader(library, families, problems).read(root.get(), baseDir, sha256);
    return new Result(recipe.orElse(null), problems.inFileOrder());
  }

  private static RecipeProblem problem(YamlInputException unreadable) {
    return new RecipeProblem(unreadable.location(), unreadable.problem(), unreadable.fix());
  }

  private static Recipe orThrow(Result result) {
    if (result.recipe == null) {
      throw new RecipeException(result.problems);
    }
    return result.recipe;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }

  /** A recipe when there were no problems, the problems otherwise. */
  private record Result(Recipe recipe, List<RecipeProblem> problems) {
    static Result failed(RecipeProblem problem) {
      return new Result(null, List.of(problem));
    }
  }
}
