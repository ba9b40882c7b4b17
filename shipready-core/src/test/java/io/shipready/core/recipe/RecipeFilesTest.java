package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.steps.StandardSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeFilesTest {
  private static final byte[] IMAGE = "the approved application image".getBytes();

  @TempDir Path dir;

  private Recipe recipe(String steps) throws IOException {
    Path file = dir.resolve("recipe.yaml");
    Files.writeString(
        file,
        """
        recipe: files
        version: "1"
        station:
          device_family: particle
        steps:
          - id: identify
            kind: identify
        """
            + steps);
    return new RecipeParser(StandardSteps.library()).parse(file);
  }

  /** Images from the recipe's folder, as a station's image library finds them. */
  private ImageLibrary images() {
    return reference -> {
      try {
        return new ImageLibrary.ImageFile(
            reference, Files.readAllBytes(dir.resolve(reference)), null);
      } catch (IOException missing) {
        throw new ShipreadyException(
            "image " + reference + " not found at " + dir.resolve(reference));
      }
    };
  }

  private List<RecipeProblem> problems(Recipe recipe) {
    return RecipeFiles.check(recipe, StandardSteps.library(), images());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aMissingImageIsNamedWithItsStepLineAndTheFix() throws Exception {
    Recipe recipe =
        recipe(
            """
              - id: flash_app
                kind: flash
                with: {image: images/app.bin, region: app}
            """);

    List<RecipeProblem> problems = problems(recipe);

    assertThat(problems).hasSize(1);
    RecipeProblem problem = problems.get(0);
    assertThat(problem.location().file()).endsWith("recipe.yaml");
    assertThat(problem.location().line()).isEqualTo(10);
    assertThat(problem.message()).contains("step 'flash_app'").contains("images/app.bin");
    assertThat(problem.fix()).contains("put the approved image there");
  }

  @Test
  void anImageThatIsNotThePinnedOneIsRefusedWithBothHashes() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/app.bin"), IMAGE);
    String other = "0".repeat(64);
    Recipe recipe =
        recipe(
            """
              - id: flash_app
                kind: flash
                with:
                  image: images/app.bin
                  region: app
                  sha256: %s
            """
                .formatted(other));

    List<RecipeProblem> problems = problems(recipe);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location().line()).isEqualTo(13); // the sha256 line
    assertThat(problems.get(0).message())
        .contains("step 'flash_app'")
        .contains(sha256(IMAGE))
        .contains("pins " + other);
    assertThat(problems.get(0).fix()).contains("sha256: " + sha256(IMAGE));
  }

  @Test
  void everyFileAStepNamesIsCheckedAndTheApprovedOnesPass() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/app.bin"), IMAGE);
    Recipe recipe =
        recipe(
            """
              - id: flash_app
                kind: flash
                with: {image: images/app.bin, region: app, sha256: %s}
              - id: pre_test
                kind: command
                with: {run: [sh, hooks/pre-test.sh]}
              - id: own_tool
                kind: command
                with: {run: [tools/check]}
              - id: on_path
                kind: command
                with: {run: [echo, ok]}
              - id: label
                kind: label
                with: {template: labels/unit.json}
            """
                .formatted(sha256(IMAGE).toUpperCase()));

    assertThat(problems(recipe))
        .extracting(RecipeProblem::message)
        .containsExactly(
            "step 'pre_test': script hooks/pre-test.sh not found at "
                + dir.resolve("hooks/pre-test.sh"),
            "step 'own_tool': program tools/check not found at " + dir.resolve("tools/check"),
            "step 'label': label template labels/unit.json not found at "
                + dir.resolve("labels/unit.json"));

    Files.createDirectories(dir.resolve("hooks"));
    Files.writeString(dir.resolve("hooks/pre-test.sh"), "echo ok\n");
    Files.createDirectories(dir.resolve("tools"));
    Files.writeString(dir.resolve("tools/check"), "#!/bin/sh\n");
    Files.createDirectories(dir.resolve("labels"));
    Files.writeString(dir.resolve("labels/unit.json"), "{}");
    assertThat(problems(recipe))
        .extracting(RecipeProblem::message)
        .containsExactly("step 'own_tool': program tools/check is not executable");

    Files.setPosixFilePermissions(
        dir.resolve("tools/check"),
        Set.of(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
    assertThat(problems(recipe)).isEmpty();
  }
}
