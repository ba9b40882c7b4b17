package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import io.shipready.core.yaml.YamlInput;
import io.shipready.core.yaml.YamlInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a line profile's own factory-file layout from YAML:
 *
 * <pre>{@code
 * prefix: tracker-test        # file names: tracker-test_<station>_<YYYYMMDD>.csv
 * format: csv                 # csv or jsonl
 * columns:
 *   - {name: serial, field: serial}
 *   - {name: imei, field: imei}
 *   - {name: current_ma, field: measurement.sleep_current, required: false}
 *   - {name: station, field: station.stationId}
 * }</pre>
 */
public final class FactoryFileLayouts {
  private FactoryFileLayouts() {}

  /**
   * @throws FactoryFileException naming the file and the key that is wrong, and the fix
   */
  public static FactoryFileLayout read(Path file) {
    requireNonNull(file, "file");
    Object root;
    try {
      root = YamlInput.load(file, "factory file layout", "layout.yaml");
    } catch (YamlInputException unreadable) {
      throw new FactoryFileException("factory file layout " + unreadable.getMessage(), unreadable);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw wrong(file, "", "must be a mapping with prefix, format and columns");
    }
    String prefix = text(file, map, "prefix");
    String formatName = text(file, map, "format").toLowerCase(Locale.ROOT);
    FileFormat format =
        switch (formatName) {
          case "csv" -> FileFormat.CSV;
          case "jsonl", "json-lines", "json_lines" -> FileFormat.JSON_LINES;
          default -> throw wrong(file, "format", "is '" + formatName + "'; write csv or jsonl");
        };
    if (!(map.get("columns") instanceof List<?> list) || list.isEmpty()) {
      throw wrong(file, "columns", "must be a list of {name, field[, required]}");
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "columns[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> entry)) {
        throw wrong(file, where, "must be a mapping such as {name: imei, field: imei}");
      }
      Object required = entry.containsKey("required") ? entry.get("required") : Boolean.TRUE;
      if (!(required instanceof Boolean flag)) {
        throw wrong(file, where + ".required", "must be true or false");
      }
      try {
        columns.add(
            new Column(
                text(file, entry, where + ".name"), text(file, entry, where + ".field"), flag));
      } catch (IllegalArgumentException e) {
        throw wrong(file, where, e.getMessage());
      }
    }
    try {
      return new FactoryFileLayout(prefix, format, columns);
    } catch (IllegalArgumentException e) {
      throw wrong(file, "", e.getMessage());
    }
  }

  private static String text(Path file, Map<?, ?> map, String path) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    Object value = map.get(key);
    if (value == null || value instanceof Map || value instanceof List) {
      throw wrong(file, path, "is missing or not a single value");
    }
    return String.valueOf(value).strip();
  }

  private static FactoryFileException wrong(Path file, String key, String problem) {
    return new FactoryFileException(
        "factory file layout " + file + (key.isEmpty() ? "" : ": " + key) + " " + problem);
  }
}
