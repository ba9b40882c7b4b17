package io.shipready.app.lines;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A line as its {@code line.yaml} describes it: the stations a unit goes through, in order.
 *
 * @param folder the line's folder (recipes, labels, images, station config template)
 */
public record LineProfile(
    String name, String description, Path folder, List<LineStation> stations) {
  public LineProfile {
    requireNonNull(name, "name");
    requireNonNull(folder, "folder");
    description = description == null ? "" : description;
    stations = List.copyOf(stations);
  }

  /**
   * One station of a line.
   *
   * @param after the stations a unit must have passed before this one
   * @param demo whether {@code shipready demo} runs it on simulated units
   */
  public record LineStation(String name, Path recipe, List<String> after, boolean demo) {
    public LineStation {
      requireNonNull(name, "name");
      requireNonNull(recipe, "recipe");
      after = List.copyOf(after);
    }
  }
}
