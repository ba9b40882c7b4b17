package io.shipready.app.assembly;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.StepSpec;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.steps.FuseBytes;
import io.shipready.output.config.StationConfig;
import io.shipready.output.factoryfile.FactoryFileWriter;
import io.shipready.output.station.ConfiguredOutputs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The station's printer and factory files, from its configuration, for the commands that run units.
 */
final class StationOutputsFromConfig {
  /** Step kinds that need the station's configuration (its printer, output folder, identity). */
  private static final Set<String> NEEDS_CONFIG = Set.of("label", "factory_row", "provision_queue");

  /** A step parameter that takes its value from the station's configuration. */
  private static final String FROM = "text_from";

  private StationOutputsFromConfig() {}

  /**
   * Stops a station before its first unit when the recipe prints labels or writes factory files but
   * no configuration says where.
   */
  static void requireConfigFor(Recipe recipe, StationConfig config) {
    if (config != null) {
      requireStationFields(recipe, config);
      return;
    }
    List<String> steps =
        recipe.runSteps().stream()
            .filter(step -> NEEDS_CONFIG.contains(step.kind()) || step.params().containsKey(FROM))
            .map(StepSpec::id)
            .toList();
    if (!steps.isEmpty()) {
      throw new ShipreadyException(
          "recipe "
              + recipe.name()
              + " prints labels, writes factory files or burns configured values (steps "
              + String.join(", ", steps)
              + "), so the station needs its configuration: give --config <station-config.yaml>"
              + " (copy the line profile's station-config.template.yaml and fill in every"
              + " CHANGE_ME)");
    }
  }

  /**
   * Stops a station before its first unit when a step burns a station field (an e-fuse step's
   * {@code text_from: station.extra.regionCode}) that the configuration does not set.
   */
  private static void requireStationFields(Recipe recipe, StationConfig config) {
    Map<String, String> fields = FactoryFileWriter.stationFields(config);
    for (StepSpec step : recipe.runSteps()) {
      Object field = step.params().get(FROM);
      if (field != null
          && (fields.get(field.toString()) == null || fields.get(field.toString()).isBlank())) {
        throw new ShipreadyException(
            "recipe "
                + recipe.name()
                + " step "
                + step.id()
                + " burns "
                + field
                + ", which station configuration "
                + config.identity().stationId()
                + " does not set; add it (for station.extra.regionCode: regionCode under"
                + " extra:)");
      }
      Object pattern = step.params().get("text_pattern");
      if (field != null && pattern != null) {
        String refused =
            FuseBytes.refusal(
                    step.id(), field.toString(), fields.get(field.toString()), pattern.toString())
                .orElse(null);
        if (refused != null) {
          throw new ShipreadyException(
              "recipe "
                  + recipe.name()
                  + ", station configuration "
                  + config.identity().stationId()
                  + ": "
                  + refused);
        }
      }
    }
  }

  /** The outputs of a configured station; null without a configuration. */
  static ConfiguredOutputs open(StationConfig config, Path configFile) {
    if (config == null) {
      return null;
    }
    Path folder = configFile.toAbsolutePath().getParent();
    return ConfiguredOutputs.open(config, folder, Clock.systemDefaultZone());
  }
}
