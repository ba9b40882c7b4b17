package io.shipready.output.config;

import java.util.List;

/**
 * A configuration file as a tree that remembers where each value was written, whichever syntax
 * (YAML or JSON) it came in. Lines and columns are 1-based.
 */
sealed interface ConfigNode {
  int line();

  int column();

  /** One value as it was written: {@code 1.10} stays "1.10". {@code text} is null for a null. */
  record Scalar(String text, int line, int column) implements ConfigNode {
    boolean isNull() {
      return text == null;
    }
  }

  record Mapping(List<Entry> entries, int line, int column) implements ConfigNode {
    public Mapping {
      entries = List.copyOf(entries);
    }
  }

  /** A list; no key of a station configuration takes one, so only where it is matters. */
  record Sequence(int line, int column) implements ConfigNode {}

  /** A key of a mapping, where the key is written, and its value. */
  record Entry(String key, int line, int column, ConfigNode value) {}
}
