package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecipeSchemaTest {
  private static final String SCHEMA = RecipeSchema.generate(TestSteps.library());

  private final JsonSchema schema =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(SCHEMA);

  private Set<ValidationMessage> validate(String yaml) throws Exception {
    return schema.validate(new YAMLMapper().readTree(yaml));
  }

  /** A valid recipe with one step replaced, to see the schema judge that step. */
  private Set<ValidationMessage> validateStep(String step) throws Exception {
    return validate(
        """
        recipe: sample
        version: 1
        station: {device_family: particle}
        steps:
        """
            + step);
  }

  @Test
  void isDraft07Json() throws Exception {
    JsonNode json = new ObjectMapper().readTree(SCHEMA);

    assertThat(json.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
    assertThat(json.at("/definitions/step/properties/kind/enum"))
        .extracting(JsonNode::asText)
        .containsExactly("identify", "flash", "measure", "efuse", "ready_to_ship", "set_state");
  }

  @Test
  void isTheSameEveryTime() {
    assertThat(RecipeSchema.generate(TestSteps.library())).isEqualTo(SCHEMA);
  }

  @Test
  void knowsTheKeysTheParserKnows() throws Exception {
    JsonNode json = new ObjectMapper().readTree(SCHEMA);

    assertThat(names(json.get("properties"))).isEqualTo(RecipeReader.KEYS);
    assertThat(names(json.at("/definitions/station/properties")))
        .isEqualTo(RecipeReader.STATION_KEYS);
    assertThat(names(json.at("/definitions/setup/properties"))).isEqualTo(RecipeReader.SETUP_KEYS);
    assertThat(names(json.at("/definitions/step/properties"))).isEqualTo(StepReader.KEYS);
    assertThat(names(json.at("/definitions/retry/properties"))).isEqualTo(StepReader.RETRY_KEYS);
    assertThat(names(json.at("/definitions/limit/properties"))).isEqualTo(LimitReader.KEYS);
  }

  @Test
  void describesEachKindsParameters() throws Exception {
    JsonNode json = new ObjectMapper().readTree(SCHEMA);
    JsonNode flash = json.at("/definitions/step/allOf/1");

    assertThat(flash.at("/if/properties/kind/const").asText()).isEqualTo("flash");
    JsonNode with = flash.at("/then/properties/with");
    assertThat(with.get("additionalProperties").asBoolean()).isFalse();
    assertThat(with.at("/required/0").asText()).isEqualTo("image");
    assertThat(with.at("/properties/image/description").asText())
        .isEqualTo("the image, relative to the recipe");
    assertThat(with.at("/properties/verify/type").asText()).isEqualTo("boolean");
    assertThat(
            json.at("/definitions/step/allOf/5/then/properties/with/properties/state/enum/0")
                .asText())
        .isEqualTo("DeviceComplete");
  }

  @Test
  void acceptsAGoodRecipe() throws Exception {
    assertThat(validate(RecipeParserTest.GOOD)).isEmpty();
  }

  @Test
  void rejectsAnUnknownKind() throws Exception {
    assertThat(validateStep("  - {id: a, kind: flsh}\n")).isNotEmpty();
  }

  @Test
  void rejectsAnUnknownKey() throws Exception {
    assertThat(validateStep("  - {id: a, kind: identify, timout: 3s}\n")).isNotEmpty();
  }

  @Test
  void rejectsAnUnknownParameter() throws Exception {
    assertThat(validateStep("  - {id: a, kind: flash, with: {image: a.bin, verfy: true}}\n"))
        .isNotEmpty();
  }

  @Test
  void rejectsAMissingParameter() throws Exception {
    assertThat(validateStep("  - {id: a, kind: flash}\n")).isNotEmpty();
    assertThat(validateStep("  - {id: a, kind: flash, with: {verify: true}}\n")).isNotEmpty();
  }

  @Test
  void rejectsAParameterOfTheWrongType() throws Exception {
    assertThat(validateStep("  - {id: a, kind: flash, with: {image: a.bin, verify: 3}}\n"))
        .isNotEmpty();
  }

  @Test
  void rejectsAValueNotAllowed() throws Exception {
    assertThat(validateStep("  - {id: a, kind: set_state, with: {state: Done}}\n")).isNotEmpty();
  }

  @Test
  void rejectsABadDuration() throws Exception {
    assertThat(validateStep("  - {id: a, kind: identify, timeout: soon}\n")).isNotEmpty();
    assertThat(validateStep("  - {id: a, kind: identify, timeout: 1.5s}\n")).isEmpty();
  }

  @Test
  void rejectsMeasurementsOnAKindThatTakesNone() throws Exception {
    assertThat(
            validateStep(
                "  - {id: a, kind: identify, measurements: [{name: v, range: {min: 1}}]}\n"))
        .isNotEmpty();
  }

  @Test
  void rejectsAMeasurementWithoutALimit() throws Exception {
    assertThat(validateStep("  - {id: a, kind: measure, measurements: [{name: v, units: V}]}\n"))
        .isNotEmpty();
    assertThat(validateStep("  - {id: a, kind: measure, measurements: [{name: v, equals: 1}]}\n"))
        .isEmpty();
  }

  @Test
  void rejectsARecipeWithoutSteps() throws Exception {
    assertThat(
            validate(
                """
                recipe: sample
                version: "1.0"
                station: {device_family: particle}
                steps: []
                """))
        .isNotEmpty();
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
