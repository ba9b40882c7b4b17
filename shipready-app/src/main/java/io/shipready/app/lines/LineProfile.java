package io.shipready.app.lines;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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

  /** The station of this name. */
  public Optional<LineStation> station(String stationName) {
    return stations.stream().filter(s -> s.name().equals(stationName)).findFirst();
  }

  /** The station that runs this recipe file. */
  public Optional<LineStation> stationRunning(Path recipeFile) {
    Path wanted = recipeFile.toAbsolutePath().normalize();
    return stations.stream()
        .filter(s -> s.recipe().toAbsolutePath().normalize().equals(wanted))
        .findFirst();
  }

  /** Where the station comes in the line: 0 for the first. */
  public int position(LineStation station) {
    return stations.indexOf(station);
  }

  /**
   * One station of a line.
   *
   * @param recipeName the name the recipe gives itself ({@code recipe:}), which its runs record
   * @param after the stations a unit must have passed before this one
   * @param retests how often a unit may be tested again here before it goes to rework; empty for no
   *     limit
   * @param demo whether {@code shipready demo} runs it on simulated units
   */
  public record LineStation(
      String name,
      Path recipe,
      String recipeName,
      List<String> after,
      OptionalInt retests,
      boolean demo) {
    public LineStation {
      requireNonNull(name, "name");
      requireNonNull(recipe, "recipe");
      requireNonNull(recipeName, "recipeName");
      after = List.copyOf(after);
      requireNonNull(retests, "retests");
    }
  }
}
