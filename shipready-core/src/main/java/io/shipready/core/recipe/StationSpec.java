package io.shipready.core.recipe;

import java.util.List;

/**
 * What a recipe says about the station that runs it.
 *
 * @param deviceFamily the family of device the recipe is written for (afero-asr, azure-sphere,
 *     particle, or a line's own); the simulator builds units of this family
 * @param slots how many units the station holds at once, unless the command line says otherwise
 * @param instruments shared instruments (an RF tester for eight slots); a step names one in {@code
 *     lock} and holds it alone while it runs
 */
public record StationSpec(String name, String deviceFamily, int slots, List<String> instruments) {
  public StationSpec {
    instruments = List.copyOf(instruments);
  }
}
