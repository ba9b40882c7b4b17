package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.shipready.core.recipe.RecipeSchema;
import io.shipready.core.steps.StandardSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schema editors use is the one the step library makes, and the bundled recipes meet it. */
class RecipeSchemaFileTest {
  private static final Path SCHEMA = Path.of("..", "docs", "recipe.schema.json");

  @Test
  void theShippedSchemaIsUpToDate() throws IOException {
    String generated = RecipeSchema.generate(StandardSteps.library()).strip();

    assertThat(Files.readString(SCHEMA).strip())
        .as("docs/recipe.schema.json is stale: run bin/shipready recipe schema --out %s", SCHEMA)
        .isEqualTo(generated);
  }

  @Test
  void everyBundledRecipeMeetsTheSchema() throws IOException {
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(Files.readString(SCHEMA));
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Path> recipes;
    try (Stream<Path> files = Files.walk(Path.of("..", "lines"))) {
      recipes = files.filter(f -> f.toString().endsWith("recipe.yaml")).toList();
    }

    assertThat(recipes).isNotEmpty();
    for (Path recipe : recipes) {
      JsonNode tree = yaml.readTree(recipe.toFile());
      assertThat(schema.validate(tree)).as(recipe.toString()).isEmpty();
    }
  }
}
