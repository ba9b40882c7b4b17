package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;
import io.shipready.core.yaml.YamlInput;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One value of the recipe with the words that name it in messages ("'slots' in station"). Each
 * accessor returns the value converted, or reports why it cannot be and returns empty, so a reader
 * carries on to the next value.
 */
final class YamlValue {
  private static final String MAPPING = "a mapping of keys to values";
  private static final String DURATION_FIX =
      "write a number with a unit, such as 500ms, 30s, 2m or 1h (a bare number is seconds)";
  private static final Set<Tag> NUMBERS = Set.of(Tag.INT, Tag.FLOAT);

  private final Node node;
  private final Node key;
  private final String label;
  private final Problems problems;

  /**
   * @param key the key the value was written under, or null for a list item or the document
   */
  YamlValue(Node node, Node key, String label, Problems problems) {
    this.node = requireNonNull(node, "node");
    this.key = key;
    this.label = requireNonNull(label, "label");
    this.problems = requireNonNull(problems, "problems");
  }

  Node node() {
    return node;
  }

  String label() {
    return label;
  }

  /** Where the value is; for a key written without a value, where the key is. */
  SourceLocation location() {
    return problems.at(isNull() && key != null ? key : node);
  }

  /** Where the key of this value is, for problems with the key's presence rather than its value. */
  SourceLocation keyLocation() {
    return problems.at(key != null ? key : node);
  }

  /** Reports a problem with this value at its location. */
  void refuse(String message, String fix) {
    problems.add(location(), message, fix);
  }

  /** Reports "<label> must be <expected>, not <what was written>". */
  void wrongType(String expected, String fix) {
    refuse(label + " must be " + expected + ", not " + shown(), fix);
  }

  boolean isNull() {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /** A single value written as text, whatever YAML made of it: 1.10 stays "1.10". */
  Optional<String> text() {
    if (!present()) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    wrongType("a single value", "write it on one line after the colon, e.g. name: some text");
    return Optional.empty();
  }

  Optional<Long> integer() {
    Object value = typedScalar(Set.of(Tag.INT), "a whole number", "write a whole number such as 4");
    if (value instanceof BigInteger) {
      refuse(label + " is too large", "write a number below " + Long.MAX_VALUE);
      return Optional.empty();
    }
    return Optional.ofNullable(value).map(number -> ((Number) number).longValue());
  }

  Optional<Double> number() {
    Object value = typedScalar(NUMBERS, "a number", "write a number such as 3.3 or -65");
    if (value == null) {
      return Optional.empty();
    }
    double number = ((Number) value).doubleValue();
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      wrongType("a finite number", "write a number such as 3.3 or -65");
      return Optional.empty();
    }
    return Optional.of(number);
  }

  Optional<Boolean> bool() {
    Object value = typedScalar(Set.of(Tag.BOOL), "true or false", "write true or false");
    return Optional.ofNullable((Boolean) value);
  }

  /** A duration in the recipe syntax, or a bare number of seconds. */
  Optional<Duration> duration() {
    if (!present()) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar
        && (Tag.STR.equals(node.getTag()) || NUMBERS.contains(node.getTag()))) {
      try {
        return Optional.of(Durations.parse(scalar.getValue()));
      } catch (IllegalArgumentException notADuration) {
        // Durations explains the syntax; the label says which value broke it.
      }
    }
    wrongType("a duration", DURATION_FIX);
    return Optional.empty();
  }

  /** A list of single values; one value alone counts as a list of one. */
  Optional<List<String>> texts() {
    if (!present()) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      return Optional.of(List.of(scalar.getValue()));
    }
    Optional<List<YamlValue>> items = list();
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    boolean complete = true;
    for (YamlValue item : items.get()) {
      Optional<String> text = item.text();
      text.ifPresent(texts::add);
      complete &= text.isPresent();
    }
    return complete ? Optional.of(texts) : Optional.empty();
  }

  /** A single value as Java: Long, Double, Boolean or String, as YAML typed it. */
  Optional<Object> scalar() {
    if (!present()) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      wrongType("a single value", "write one value such as 42, 3.3, true or some text");
      return Optional.empty();
    }
    if (Tag.INT.equals(node.getTag())) {
      return integer().map(Object.class::cast);
    }
    if (Tag.FLOAT.equals(node.getTag()) || Tag.BOOL.equals(node.getTag())) {
      return Optional.of(YamlInput.toJava(problems.source(), node));
    }
    return Optional.of(scalar.getValue());
  }

  Optional<List<YamlValue>> list() {
    if (!present()) {
      return Optional.empty();
    }
    if (!(node instanceof SequenceNode sequence)) {
      wrongType("a list", "write [a, b] or one '- item' per line");
      return Optional.empty();
    }
    List<YamlValue> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      items.add(new YamlValue(item, null, "item " + (items.size() + 1) + " of " + label, problems));
    }
    return Optional.of(items);
  }

  /**
   * The value as a mapping named {@code where} in messages, its keys checked against {@code keys}.
   */
  Optional<YamlMap> map(String where, List<String> keys) {
    return anyMap(where).map(map -> map.allowOnly(keys));
  }

  /** The value as a mapping whose keys the caller checks itself. */
  Optional<YamlMap> anyMap(String where) {
    if (!present()) {
      return Optional.empty();
    }
    if (!(node instanceof MappingNode mapping)) {
      wrongType(MAPPING, "write 'key: value' lines indented under it");
      return Optional.empty();
    }
    return Optional.of(YamlMap.of(mapping, where, problems));
  }

  private boolean present() {
    if (isNull()) {
      refuse(label + " has no value", "give it a value or remove it");
      return false;
    }
    return true;
  }

  private Object typedScalar(Set<Tag> tags, String expected, String fix) {
    if (!present()) {
      return null;
    }
    if (node instanceof ScalarNode && tags.contains(node.getTag())) {
      return YamlInput.toJava(problems.source(), node);
    }
    wrongType(expected, fix);
    return null;
  }

  private String shown() {
    if (node instanceof ScalarNode scalar) {
      return "'" + scalar.getValue() + "'";
    }
    return node instanceof SequenceNode ? "a list" : "a mapping";
  }
}
