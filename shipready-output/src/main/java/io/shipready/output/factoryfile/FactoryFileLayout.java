package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a line profile's own factory file looks like: its name prefix, its format and its columns.
 * Files are named {@code <prefix>_<station id>_<YYYYMMDD>.<csv|jsonl>}.
 *
 * @param prefix the start of every file name: letters, digits, {@code .} and {@code -}
 */
public record FactoryFileLayout(String prefix, FileFormat format, List<Column> columns) {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9.-]+");

  public FactoryFileLayout {
    requireNonNull(prefix, "prefix");
    requireNonNull(format, "format");
    columns = List.copyOf(columns);
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "factory file prefix '"
              + prefix
              + "' must be letters, digits, '.' and '-' only, e.g. tracker-test");
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(
          "factory file '" + prefix + "' has no columns; name at least one");
    }
    Set<String> names = new HashSet<>();
    for (Column column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException(
            "factory file '"
                + prefix
                + "' has two columns named '"
                + column.name()
                + "'; rename one");
      }
    }
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }
}
