package io.shipready.app.lines;

import io.shipready.app.lines.LineProfile.LineStation;
import io.shipready.core.ShipreadyException;
import io.shipready.core.yaml.YamlInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads line profiles: every folder under a lines root that has a {@code line.yaml}. The lines a
 * command knows are the ones found here; none is named in code.
 *
 * <pre>
 * line: afero-asr                        # the line's name (default: its folder's)
 * description: one line for people
 * stations:                              # in the order a unit goes through them
 *   - name: programming
 *     recipe: programming.yaml           # relative to the line's folder
 *   - name: product-label
 *     recipe: product-label.yaml
 *     after: [programming]               # stations a unit must have passed first
 *     retests: 2                         # tested again at most twice, then to rework
 *     demo: false                        # keep it out of shipready demo (default true)
 * </pre>
 */
public final class LineProfiles {
  public static final String FILE_NAME = "line.yaml";

  private LineProfiles() {}

  /**
   * The folder of the line profiles: the one given, else {@code lines/} here, else the one beside
   * the program (so commands work from the project folder and from an installed copy).
   */
  public static Path root(Path given) {
    if (given != null) {
      return given;
    }
    Path here = Path.of("lines");
    if (holdsLines(here)) {
      return here;
    }
    try {
      Path jar =
          Path.of(LineProfiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
        if (holdsLines(dir.resolve("lines"))) {
          return dir.resolve("lines");
        }
      }
    } catch (java.net.URISyntaxException | SecurityException e) {
      // Fall through to the message below.
    }
    throw new ShipreadyException(
        "cannot find the bundled line profiles (lines/); run from the project folder or give"
            + " --lines DIR");
  }

  private static boolean holdsLines(Path folder) {
    return Files.isDirectory(folder) && !all(folder).isEmpty();
  }

  /** Every line under {@code root}, by folder name. */
  public static List<LineProfile> all(Path root) {
    List<LineProfile> lines = new ArrayList<>();
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.sorted().toList()) {
        if (Files.isRegularFile(folder.resolve(FILE_NAME))) {
          lines.add(read(folder));
        }
      }
    } catch (IOException unreadable) {
      throw new ShipreadyException("cannot list the line profiles in " + root + ": " + unreadable);
    }
    return lines;
  }

  /** The line whose {@code line.yaml} is in {@code folder}. */
  public static LineProfile read(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    Map<?, ?> top = map(load(file), file + "", "a mapping with 'line' and 'stations'");
    String name = text(top, "line", folder.getFileName().toString(), file + "");
    if (!(top.get("stations") instanceof List<?> entries) || entries.isEmpty()) {
      throw new ShipreadyException(
          file + ": 'stations' must list the line's stations in order, each {name, recipe}");
    }
    List<LineStation> stations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int index = 0;
    for (Object entry : entries) {
      index++;
      String at = file + ": stations[" + index + "]";
      Map<?, ?> fields = map(entry, at, "{name, recipe}");
      String station = text(fields, "name", null, at);
      Path recipe = folder.resolve(text(fields, "recipe", null, at));
      if (!Files.isRegularFile(recipe)) {
        throw new ShipreadyException(at + ": recipe " + recipe + " does not exist");
      }
      List<String> after = new ArrayList<>();
      if (fields.get("after") instanceof List<?> names) {
        names.forEach(n -> after.add(String.valueOf(n)));
      } else if (fields.get("after") != null) {
        throw new ShipreadyException(at + ": 'after' must list station names, e.g. [programming]");
      }
      for (String earlier : after) {
        if (!seen.contains(earlier)) {
          throw new ShipreadyException(
              at
                  + ": 'after' names '"
                  + earlier
                  + "', which is not an earlier station of the line");
        }
      }
      Object demo = fields.get("demo");
      if (demo != null && !(demo instanceof Boolean)) {
        throw new ShipreadyException(at + ": 'demo' must be true or false");
      }
      if (!seen.add(station)) {
        throw new ShipreadyException(at + ": station '" + station + "' is listed twice");
      }
      Object retests = fields.get("retests");
      if (retests != null && !(retests instanceof Integer n && n >= 0)) {
        throw new ShipreadyException(
            at + ": 'retests' must be a whole number of retests, 0 or more, e.g. retests: 2");
      }
      stations.add(
          new LineStation(
              station,
              recipe,
              recipeName(recipe, at),
              after,
              retests == null ? OptionalInt.empty() : OptionalInt.of((Integer) retests),
              demo == null || (Boolean) demo));
    }
    return new LineProfile(name, text(top, "description", "", file + ""), folder, stations);
  }

  /** The name the recipe gives itself, which its runs are recorded under. */
  private static String recipeName(Path recipe, String at) {
    Map<?, ?> top = map(load(recipe), at + ": recipe " + recipe, "a recipe mapping");
    return text(top, "recipe", null, at + ": recipe " + recipe);
  }

  private static Object load(Path file) {
    return YamlInput.load(file, "line profile", FILE_NAME);
  }

  private static Map<?, ?> map(Object value, String at, String expected) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new ShipreadyException(at + ": expected " + expected);
  }

  private static String text(Map<?, ?> fields, String key, String fallback, String at) {
    Object value = fields.get(key);
    if (value == null || value.toString().isBlank()) {
      if (fallback == null) {
        throw new ShipreadyException(at + ": '" + key + "' is missing");
      }
      return fallback;
    }
    if (value instanceof Map || value instanceof List) {
      throw new ShipreadyException(at + ": '" + key + "' must be a single value");
    }
    return value.toString();
  }
}
