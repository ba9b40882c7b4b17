package io.shipready.app.assembly;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.StepSpec;
import io.shipready.core.recipe.Recipe;
import io.shipready.output.config.StationConfig;
import io.shipready.output.station.ConfiguredOutputs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The station's printer and factory files, from its configuration, for the commands that run units.
 */
final class StationOutputsFromConfig {
  /** Step kinds that need the station's configuration (its printer, output folder, identity). */
  private static final Set<String> NEEDS_CONFIG = Set.of("label", "factory_row", "provision_queue");

  private StationOutputsFromConfig() {}

  /**
   * Stops a station before its first unit when the recipe prints labels or writes factory files but
   * no configuration says where.
   */
  static void requireConfigFor(Recipe recipe, StationConfig config) {
    if (config != null) {
      return;
    }
    List<String> steps =
        recipe.runSteps().stream()
            .filter(step -> NEEDS_CONFIG.contains(step.kind()))
            .map(StepSpec::id)
            .toList();
    if (!steps.isEmpty()) {
      throw new ShipreadyException(
          "recipe "
              + recipe.name()
              + " prints labels or writes factory files (steps "
              + String.join(", ", steps)
              + "), so the station needs its configuration: give --config <station-config.yaml>"
              + " (copy the line profile's station-config.template.yaml and fill in every"
              + " CHANGE_ME)");
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
