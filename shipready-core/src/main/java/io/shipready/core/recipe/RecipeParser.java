package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.FileErrors;
import io.shipready.core.model.SourceLocation;
import io.shipready.core.step.StepLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
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
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException unreadable) {
      return Result.failed(
          new RecipeProblem(
              new SourceLocation(source, 0, 0),
              FileErrors.unreadable(file, unreadable, "recipe", "recipe.yaml"),
              // A folder's message already says what to give instead.
              Files.isDirectory(file) ? "" : "check the path"));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      return Result.failed(
          new RecipeProblem(
              new SourceLocation(source, 0, 0),
              "the recipe is not UTF-8 text",
              "save the file as UTF-8"));
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
      root = YamlDocument.compose(sourceName, yamlText);
    } catch (MarkedYamlEngineException syntax) {
      problems.add(syntaxLocation(syntax, sourceName), syntaxMessage(syntax), SYNTAX_FIX);
      return new Result(null, problems.inFileOrder());
    } catch (YamlEngineException unreadable) {
      problems.add(
          new SourceLocation(sourceName, 0, 0),
          "YAML error: " + unreadable.getMessage(),
          SYNTAX_FIX);
      return new Result(null, problems.inFileOrder());
    }
    if (root.isEmpty()) {
      problems.add(
          new SourceLocation(sourceName, 1, 1),
          "the recipe is empty",
          "write at least 'recipe:', 'version:', 'station:' and 'steps:' (see docs/recipes.md)");
      return new Result(null, problems.inFileOrder());
    }
    YamlTags.refuseUnknown(root.get(), problems);
    Optional<Recipe> recipe =
        new RecipeReader(library, families, problems).read(root.get(), baseDir, sha256);
    return new Result(recipe.orElse(null), problems.inFileOrder());
  }

  private static final String SYNTAX_FIX =
      "check the indentation, colons and quotes here and on the line before";

  private static SourceLocation syntaxLocation(MarkedYamlEngineException syntax, String source) {
    Optional<Mark> mark = syntax.getProblemMark().or(syntax::getContextMark);
    return mark.map(m -> new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new SourceLocation(source, 0, 0));
  }

  /** The problem, and what the parser was in the middle of: often where the mistake really is. */
  private static String syntaxMessage(MarkedYamlEngineException syntax) {
    String message =
        "YAML syntax error: " + (syntax.getProblem() == null ? "unreadable" : syntax.getProblem());
    if (syntax.getContext() != null) {
      message +=
          " ("
              + syntax.getContext()
              + syntax
                  .getContextMark()
                  .map(
                      m ->
                          " started at line "
                              + (m.getLine() + 1)
                              + ", column "
                              + (m.getColumn() + 1))
                  .orElse("")
              + ")";
    }
    return message;
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
