package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A mapping of the recipe, read key by key. Keys that are not plain names and keys written twice
 * are reported as the mapping is indexed; unknown and missing keys when the reader asks.
 */
final class YamlMap {
  /** One key and its value. */
  record Entry(String name, Node key, YamlValue value) {}

  private final MappingNode node;
  private final String where;
  private final Problems problems;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private YamlMap(MappingNode node, String where, Problems problems) {
    this.node = requireNonNull(node, "node");
    this.where = requireNonNull(where, "where");
    this.problems = requireNonNull(problems, "problems");
  }

  /**
   * @param where how messages name the mapping: "the recipe", "station", "step 'flash_app'"
   */
  static YamlMap of(MappingNode node, String where, Problems problems) {
    YamlMap map = new YamlMap(node, where, problems);
    for (NodeTuple tuple : node.getValue()) {
      map.index(tuple.getKeyNode(), tuple.getValueNode());
    }
    return map;
  }

  private void index(Node key, Node value) {
    if (!(key instanceof ScalarNode scalar) || Tag.NULL.equals(key.getTag())) {
      problems.add(key, "a key in " + where + " is not a plain name", "write 'name: value'");
      return;
    }
    String name = scalar.getValue();
    Entry first = entries.get(name);
    if (first != null) {
      problems.add(
          key,
          "key '" + name + "' appears twice in " + where,
          "keep one of them; the other is at " + problems.at(first.key()));
      return;
    }
    entries.put(name, new Entry(name, key, new YamlValue(value, key, label(name), problems)));
  }

  /** Reports every key not in {@code keys}, with the nearest known one. */
  YamlMap allowOnly(List<String> keys) {
    for (Entry entry : entries.values()) {
      if (!keys.contains(entry.name())) {
        problems.add(
            entry.key(),
            "unknown key '" + entry.name() + "' in " + where,
            Suggestions.fix(entry.name(), keys, "valid keys"));
      }
    }
    return this;
  }

  Optional<YamlValue> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(Entry::value);
  }

  /** The value under a key the format requires; reports its absence with {@code fix}. */
  Optional<YamlValue> require(String key, String fix) {
    Optional<YamlValue> value = get(key);
    if (value.isEmpty()) {
      problems.add(node, where + " has no '" + key + "'", fix);
    }
    return value;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Collection<Entry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  String where() {
    return where;
  }

  SourceLocation location() {
    return problems.at(node);
  }

  /** How messages name the value under a key of this mapping. */
  String label(String key) {
    return "'" + key + "' in " + where;
  }

  /** The text under a key, without reporting anything: for naming a mapping before reading it. */
  static Optional<String> peekText(Node node, String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k
            && k.getValue().equals(key)
            && tuple.getValueNode() instanceof ScalarNode v
            && !Tag.NULL.equals(v.getTag())) {
          return Optional.of(v.getValue());
        }
      }
    }
    return Optional.empty();
  }
}
