package io.shipready.device.tools.azsphere;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an Azure Sphere command printed, in whichever of its three layouts it came: JSON
 * ({@code --output json}: {@code deviceId}), the table ({@code --output table}: {@code DeviceId}
 * under a dash border and a {@code =} rule) or the classic {@code --> Device ID: ...} blocks of
 * releases older than {@code --output}. The same field has a different spelling in each, so names
 * are compared without case, spaces or punctuation. Output in none of the three, or without a field
 * the caller needs, is refused with the command, what was expected and what it printed: a station
 * never guesses at a unit's state.
 */
final class AzsphereOutput {
  /** {@code --> Key: value}, {@code --> name}, or {@code Key: value} without the arrow. */
  private static final Pattern CLASSIC =
      Pattern.compile("^\\s*(-->)?\\s*([^:]+?)\\s*(?::\\s*(.*))?$");

  private AzsphereOutput() {}

  /** Which layout the text is in; null for none of them. */
  static AzsphereSettings.Layout layout(String stdout) {
    String text = stdout.strip();
    if (text.startsWith("[") || text.startsWith("{")) {
      return AzsphereSettings.Layout.JSON;
    }
    if (text.lines().anyMatch(line -> line.strip().matches("=+"))) {
      return AzsphereSettings.Layout.TABLE;
    }
    if (text.lines().anyMatch(line -> line.strip().startsWith("-->"))) {
      return AzsphereSettings.Layout.CLASSIC;
    }
    return null;
  }

  /**
   * Every record, each with every required field under the name given here. A classic listing with
   * no records prints only a sentence, which must then say so ("No devices attached.").
   */
  static List<Map<String, String>> rows(ToolResult result, List<String> required) {
    AzsphereSettings.Layout layout = layout(result.stdout());
    String expected =
        "JSON, the table layout or the classic '-->' layout, with " + String.join(", ", required);
    List<Map<String, String>> raw;
    if (layout == AzsphereSettings.Layout.JSON) {
      raw = AzsphereJson.rows(jsonAsList(result), List.of());
    } else if (layout == AzsphereSettings.Layout.TABLE) {
      raw = AzsphereTable.rows(result, List.of());
    } else if (layout == AzsphereSettings.Layout.CLASSIC) {
      raw = classic(result);
    } else if (saysNone(result.stdout())) {
      raw = List.of();
    } else {
      throw new ToolOutputException(result, expected);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> record : raw) {
      Map<String, String> row = new LinkedHashMap<>();
      record.forEach((key, value) -> row.put(named(key, required), value));
      for (String field : required) {
        if (!row.containsKey(field)) {
          throw new ToolOutputException(result, expected + " (found " + record.keySet() + ")");
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** The one record of a command about one thing, with every required field. */
  static Map<String, String> single(ToolResult result, List<String> required) {
    List<Map<String, String>> rows = rows(result, required);
    if (rows.size() != 1) {
      throw new ToolOutputException(
          result, "one record with " + required + ", found " + rows.size());
    }
    return rows.get(0);
  }

  /** The one value of a one-field record (manufacturing-state show). */
  static String value(ToolResult result, String field) {
    String value = single(result, List.of(field)).get(field);
    if (value.isEmpty()) {
      throw new ToolOutputException(result, "a value for " + field);
    }
    return value;
  }

  /** A record's field under any of its spellings; null when it has none. */
  static String field(Map<String, String> row, String name) {
    for (Map.Entry<String, String> entry : row.entrySet()) {
      if (key(entry.getKey()).equals(key(name))) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * A field's name compared across layouts: {@code deviceId}, {@code DeviceId}, {@code Device ID}.
   */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String named(String key, List<String> required) {
    for (String field : required) {
      if (key(field).equals(key(key))) {
        return field;
      }
    }
    return key;
  }

  /** A single JSON object is read as a listing of one. */
  private static ToolResult jsonAsList(ToolResult result) {
    String text = result.stdout().strip();
    if (text.startsWith("[")) {
      return result;
    }
    return new ToolResult(
        result.tool(),
        result.arguments(),
        result.exitCode(),
        "[" + text + "]",
        result.stderr(),
        result.duration(),
        result.truncated());
  }

  /**
   * The classic blocks. A record starts at a {@code -->} line that names something without a value
   * ({@code --> gdbserver}, then its fields) or repeats a field of the record before it; headers
   * ({@code 2 devices attached:}) and the closing "Command completed" line carry no field.
   */
  private static List<Map<String, String>> classic(ToolResult result) {
    List<Map<String, String>> records = new ArrayList<>();
    Map<String, String> current = null;
    for (String line : result.stdout().lines().toList()) {
      if (line.isBlank() || line.strip().startsWith("Command completed")) {
        continue;
      }
      Matcher m = CLASSIC.matcher(line);
      if (!m.matches() || m.group(1) == null) {
        continue;
      }
      String field = m.group(2);
      String value = m.group(3);
      if (value == null) {
        current = new LinkedHashMap<>();
        current.put("Name", field);
        records.add(current);
        continue;
      }
      if (current == null || current.containsKey(field)) {
        current = new LinkedHashMap<>();
        records.add(current);
      }
      current.put(field, value.strip());
    }
    return records;
  }

  /** A classic listing with nothing in it prints a sentence only: "No devices attached." */
  private static boolean saysNone(String stdout) {
    String text = stdout.strip().toLowerCase(Locale.ROOT);
    return text.startsWith("no ") || text.startsWith("0 ");
  }
}
