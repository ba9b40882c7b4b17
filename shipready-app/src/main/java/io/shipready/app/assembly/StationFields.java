package io.shipready.app.assembly;

import io.shipready.core.recipe.Recipe;
import io.shipready.output.config.StationConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a station's record says about it: its recipe, its slots and its configured identity. */
final class StationFields {
  private StationFields() {}

  /** The fields every station command records; callers add their own after these. */
  static Map<String, String> of(Recipe recipe, int slots, boolean simulated, StationConfig config) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("recipe", recipe.name());
    fields.put("recipe_version", recipe.version());
    fields.put("simulated", Boolean.toString(simulated));
    fields.put("slots", Integer.toString(slots));
    if (config != null) {
      fields.put("partNo", config.identity().partNo());
      fields.put("manufacturer", config.identity().manufacturer());
      fields.put("factory", config.identity().factory());
      fields.put("hwVersion", config.identity().hwVersion());
      fields.put("computerName", config.computerName());
      config.extra().forEach((key, value) -> fields.put("extra." + key, value));
    }
    return fields;
  }
}
