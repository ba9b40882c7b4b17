package io.shipready.device.tools.azsphere;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the azsphere CLI's table output (its documented default format, {@code --output table};
 * {@link AzsphereOutput} decides which layout a command printed): a border of dash runs, one per
 * column; the column names; a line of {@code =}; the rows; a closing border. Column bounds come
 * from the border's dash runs, so a value with a space stays in its column. A table with no rows is
 * an empty list.
 */
final class AzsphereTable {
  private AzsphereTable() {}

  /**
   * The rows as column name to value.
   *
   * @throws ToolOutputException when there is no table, or a required column is missing
   */
  static List<Map<String, String>> rows(ToolResult result, List<String> requiredColumns) {
    List<String> lines = result.stdout().lines().toList();
    int separator = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (isRule(lines.get(i), '=')) {
        separator = i;
        break;
      }
    }
    String expected = "a table with the columns " + String.join(", ", requiredColumns);
    if (separator < 1) {
      throw new ToolOutputException(result, expected);
    }
    String header = lines.get(separator - 1);
    List<int[]> bounds =
        separator >= 2 && isRule(lines.get(separator - 2), '-')
            ? dashRuns(lines.get(separator - 2))
            : wordRuns(header);
    List<String> names = cells(header, bounds);
    for (String column : requiredColumns) {
      if (!names.contains(column)) {
        throw new ToolOutputException(result, expected + " (found " + names + ")");
      }
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(separator + 1, lines.size())) {
      if (line.isBlank() || isRule(line, '-') || isRule(line, '=')) {
        continue;
      }
      List<String> values = cells(line, bounds);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < names.size(); c++) {
        row.put(names.get(c), c < values.size() ? values.get(c) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /** The single value of a one-column, one-row table (manufacturing-state show). */
  static String single(ToolResult result, String column) {
    List<Map<String, String>> rows = rows(result, List.of(column));
    if (rows.size() != 1 || rows.get(0).get(column).isEmpty()) {
      throw new ToolOutputException(
          result, "a table with one row under " + column + ", found " + rows.size() + " rows");
    }
    return rows.get(0).get(column);
  }

  private static boolean isRule(String line, char mark) {
    String stripped = line.strip();
    return !stripped.isEmpty() && stripped.chars().allMatch(c -> c == mark || c == ' ');
  }

  private static List<int[]> dashRuns(String border) {
    List<int[]> runs = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= border.length(); i++) {
      boolean dash = i < border.length() && border.charAt(i) == '-';
      if (dash && start < 0) {
        start = i;
      } else if (!dash && start >= 0) {
        runs.add(new int[] {start, i});
        start = -1;
      }
    }
    // The last column runs to the end of the line: values may be longer than the border.
    if (!runs.isEmpty()) {
      runs.get(runs.size() - 1)[1] = Integer.MAX_VALUE;
    }
    return runs;
  }

  private static List<int[]> wordRuns(String header) {
    List<int[]> runs = new ArrayList<>();
    var matcher = java.util.regex.Pattern.compile("\\S+").matcher(header);
    while (matcher.find()) {
      runs.add(new int[] {matcher.start(), matcher.end()});
    }
    for (int i = 0; i < runs.size(); i++) {
      runs.get(i)[1] = i + 1 < runs.size() ? runs.get(i + 1)[0] : Integer.MAX_VALUE;
    }
    return runs;
  }

  private static List<String> cells(String line, List<int[]> bounds) {
    List<String> cells = new ArrayList<>();
    for (int[] run : bounds) {
      int from = Math.min(run[0], line.length());
      int to = Math.min(run[1], line.length());
      cells.add(line.substring(from, to).strip());
    }
    return cells;
  }
}
