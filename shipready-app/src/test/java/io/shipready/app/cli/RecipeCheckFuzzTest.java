package io.shipready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recipe check} on seeded mutants of every bundled recipe and station config template: each
 * is checked without a stack trace or a hang, and every refusal names file:line:column.
 */
class RecipeCheckFuzzTest {
  private static final long SEED = 20261204L;
  private static final int MUTANTS = 1200;
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Path LINES = Path.of("..", "lines");

  /** A bundled file, copied with the rest of its line so the files it names are beside it. */
  private record Source(Path original, Path folder, String text, boolean template) {}

  @Test
  void everyMutantIsCheckedAndEveryRefusalNamesItsFileAndLine(@TempDir Path work)
      throws IOException {
    List<Source> sources = sources(work);
    assertThat(sources).hasSizeGreaterThanOrEqualTo(10);
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int refused = 0;
    for (int n = 0; n < MUTANTS; n++) {
      Source source = sources.get(random.nextInt(sources.size()));
      YamlMutations.Mutant mutant = YamlMutations.mutate(random, source.text());
      String name = "mutant-" + n + (source.template() ? ".template.yaml" : ".yaml");
      Path file = source.folder().resolve(name);
      Files.writeString(file, mutant.text(), StandardCharsets.UTF_8);
      String which = "mutant " + n + " of " + source.original() + " (" + mutant.what() + ")";
      CheckedFile checked;
      try {
        checked = assertTimeoutPreemptively(PATIENCE, () -> FileChecks.check(file), which);
      } catch (Throwable thrown) {
        failures.add(which + ": " + thrown);
        continue;
      }
      Pattern located =
          Pattern.compile(Pattern.quote(file.toString()) + ":[1-9]\\d*:[1-9]\\d*: .+");
      for (String problem : checked.problems()) {
        if (!located.matcher(problem).matches()) {
          failures.add(which + ": " + problem);
        }
      }
      refused += checked.problems().isEmpty() ? 0 : 1;
      Files.delete(file);
    }
    assertThat(failures).as("%d failures, the first ones", failures.size()).isEmpty();
    assertThat(refused).as("mutants refused").isGreaterThan(MUTANTS / 2);
  }

  /** The recipes and station config templates of every bundled line, in a stable order. */
  private static List<Source> sources(Path work) throws IOException {
    copy(LINES, work);
    List<Source> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(LINES)) {
      for (Path line : files.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> yaml = Files.list(line)) {
          for (Path file : yaml.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
            String name = file.getFileName().toString();
            if (name.equals("line.yaml")
                || name.equals("stand-in.yaml")
                || name.contains(".layout.")) {
              continue;
            }
            sources.add(
                new Source(
                    file,
                    work.resolve(line.getFileName()),
                    Files.readString(file),
                    name.contains(".template.")));
          }
        }
      }
    }
    return sources;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path path : tree.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
