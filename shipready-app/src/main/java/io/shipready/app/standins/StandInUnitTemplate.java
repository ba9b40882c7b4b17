package io.shipready.app.standins;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.yaml.YamlInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a line's unit is made and reached on the stand-in tools: a line's {@code stand-in.yaml}.
 *
 * <pre>
 * family: azure-sphere          # the stand-in unit's family (standin-device create --family)
 * id: "192.168.35.{n}"          # the unit's id; {n} is its number on the line, from 1
 * console: particle             # optional: the firmware whose console the stand-in serves
 * slot:                         # the slot map entry; {id} and {console} (HOST:PORT) filled in
 *   driver: particle
 *   port: "{id}"
 *   console: "tcp:{console}"
 * </pre>
 *
 * @param console the firmware the console stand-in answers for, or null for no console
 */
public record StandInUnitTemplate(
    String line, String family, String id, String console, Map<String, Object> slot) {
  public static final String FILE_NAME = "stand-in.yaml";

  public StandInUnitTemplate {
    requireNonNull(line, "line");
    requireNonNull(family, "family");
    requireNonNull(id, "id");
    slot = Map.copyOf(slot);
  }

  /** The template in a line's folder. */
  public static StandInUnitTemplate read(Path lineFolder) {
    Path file = lineFolder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new ShipreadyException(
          "line "
              + lineFolder.getFileName()
              + " has no "
              + FILE_NAME
              + "; its units have no"
              + " stand-ins yet (see lines/azure-sphere/"
              + FILE_NAME
              + " for the format)");
    }
    Object root = YamlInput.load(file, "stand-in unit template", FILE_NAME);
    if (!(root instanceof Map<?, ?> top) || !(top.get("slot") instanceof Map<?, ?> slot)) {
      throw new ShipreadyException(file + ": expected family, id and a 'slot' mapping");
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    slot.forEach((key, value) -> entry.put(String.valueOf(key), value));
    if (!entry.containsKey("driver")) {
      throw new ShipreadyException(file + ": slot.driver is missing");
    }
    return new StandInUnitTemplate(
        lineFolder.getFileName().toString(),
        text(top, "family", file),
        text(top, "id", file),
        top.get("console") == null ? null : String.valueOf(top.get("console")),
        entry);
  }

  /** Unit {@code n}'s id. */
  public String id(int n) {
    return id.replace("{n}", Integer.toString(n));
  }

  /** Unit {@code n}'s slot settings, its console at {@code consoleAddress} (HOST:PORT or null). */
  public Map<String, Object> slot(int n, String consoleAddress) {
    Map<String, Object> filled = new LinkedHashMap<>();
    slot.forEach(
        (key, value) -> {
          if (value instanceof String text) {
            if (text.contains("{console}") && consoleAddress == null) {
              return;
            }
            value =
                text.replace("{id}", id(n))
                    .replace("{console}", consoleAddress == null ? "" : consoleAddress);
          }
          filled.put(key, value);
        });
    return filled;
  }

  private static String text(Map<?, ?> top, String key, Path file) {
    Object value = top.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new ShipreadyException(file + ": '" + key + "' is missing");
    }
    return value.toString();
  }
}
