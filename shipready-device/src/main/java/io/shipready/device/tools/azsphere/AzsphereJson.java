package io.shipready.device.tools.azsphere;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the azsphere CLI's JSON output ({@code --output json}): a list of objects for a listing,
 * one object for a single item, keys as the table's column names with a lower-case first letter.
 * Values come back as text ({@code true}, {@code -48}); a list value is joined with commas.
 * Anything else (no JSON, a missing key) is an error naming the command and what it printed.
 */
final class AzsphereJson {
  private AzsphereJson() {}

  /** The objects of a listing, each with every required key. */
  static List<Map<String, String>> rows(ToolResult result, List<String> requiredKeys) {
    Object parsed = parse(result, requiredKeys);
    if (!(parsed instanceof List<?> list)) {
      throw new ToolOutputException(result, "a JSON list of objects with " + requiredKeys);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Object item : list) {
      rows.add(object(result, item, requiredKeys));
    }
    return rows;
  }

  /** The one object of a single item, with every required key. */
  static Map<String, String> single(ToolResult result, List<String> requiredKeys) {
    Object parsed = parse(result, requiredKeys);
    if (parsed instanceof List<?> list && list.size() == 1) {
      parsed = list.get(0);
    }
    return object(result, parsed, requiredKeys);
  }

  private static Object parse(ToolResult result, List<String> requiredKeys) {
    String text = result.stdout().strip();
    if (text.isEmpty() || !(text.startsWith("[") || text.startsWith("{"))) {
      throw new ToolOutputException(result, "JSON with the keys " + requiredKeys);
    }
    try {
      return new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (YamlEngineException bad) {
      throw new ToolOutputException(
          result, "JSON with the keys " + requiredKeys + " (" + bad.getMessage() + ")");
    }
  }

  private static Map<String, String> object(
      ToolResult result, Object item, List<String> requiredKeys) {
    if (!(item instanceof Map<?, ?> map)) {
      throw new ToolOutputException(result, "a JSON object with " + requiredKeys + ", not " + item);
    }
    Map<String, String> row = new LinkedHashMap<>();
    map.forEach((key, value) -> row.put(String.valueOf(key), text(value)));
    for (String key : requiredKeys) {
      if (!row.containsKey(key)) {
        throw new ToolOutputException(
            result, "a JSON object with " + requiredKeys + " (found " + row.keySet() + ")");
      }
    }
    return row;
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(AzsphereJson::text).toList());
    }
    return String.valueOf(value);
  }
}
