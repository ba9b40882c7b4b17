package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One JSON object of a template, read key by key. Each bad value adds a problem naming its key path
 * and what is allowed, and reading goes on, so the author sees every problem at once.
 */
final class JsonSection {
  private final JsonNode node;
  private final String path;
  private final List<String> problems;

  JsonSection(JsonNode node, String path, List<String> problems) {
    this.node = requireNonNull(node, "node");
    this.path = requireNonNull(path, "path");
    this.problems = requireNonNull(problems, "problems");
  }

  /** The full key path of one of this object's keys, e.g. "printer.copies". */
  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  String path() {
    return path;
  }

  void problem(String problem) {
    problems.add(problem);
  }

  void refuseUnknown(List<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String intro = path.isEmpty() ? "a template takes" : path + " takes";
        problem(key(name) + " is not a known key; " + Nearest.fix(name, known, intro));
      }
    }
  }

  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  Optional<JsonNode> value(String name) {
    return has(name) ? Optional.of(node.get(name)) : Optional.empty();
  }

  List<Map.Entry<String, JsonNode>> entries() {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    node.fields().forEachRemaining(entries::add);
    return entries;
  }

  /** An optional whole number in a range; empty when absent or wrong. */
  OptionalInt integer(String name, int min, int max, String note) {
    if (!has(name)) {
      return OptionalInt.empty();
    }
    JsonNode value = node.get(name);
    if (!isWhole(value)) {
      problem(
          key(name) + " is " + shown(value) + "; use a whole number from " + min + " to " + max);
      return OptionalInt.empty();
    }
    BigDecimal number = value.decimalValue();
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      problem(key(name) + " is " + plain(number) + "; use " + min + " to " + max + note);
      return OptionalInt.empty();
    }
    return OptionalInt.of(number.intValueExact());
  }

  OptionalInt requiredInteger(String name, int min, int max, String note, String what) {
    if (!has(name)) {
      problem(
          key(name)
              + " is missing; write "
              + what
              + ", a whole number from "
              + min
              + " to "
              + max
              + note);
      return OptionalInt.empty();
    }
    return integer(name, min, max, note);
  }

  /** A required whole number from a short list. */
  OptionalInt oneOf(String name, List<Integer> allowed, String what) {
    String choices = orList(allowed.stream().map(String::valueOf).collect(Collectors.toList()));
    if (!has(name)) {
      problem(key(name) + " is missing; write " + what + ": " + choices);
      return OptionalInt.empty();
    }
    JsonNode value = node.get(name);
    if (!isWhole(value) || !allowed.contains(value.decimalValue().intValue())) {
      problem(key(name) + " is " + shown(value) + "; use " + choices);
      return OptionalInt.empty();
    }
    return OptionalInt.of(value.decimalValue().intValueExact());
  }

  /** An optional number in a range; empty when absent or wrong. */
  OptionalDouble decimal(String name, double min, double max) {
    if (!has(name)) {
      return OptionalDouble.empty();
    }
    JsonNode value = node.get(name);
    String range = plain(BigDecimal.valueOf(min)) + " to " + plain(BigDecimal.valueOf(max));
    if (!value.isNumber()) {
      problem(key(name) + " is " + shown(value) + "; use a number from " + range);
      return OptionalDouble.empty();
    }
    double number = value.doubleValue();
    if (number < min || number > max) {
      problem(key(name) + " is " + plain(value.decimalValue()) + "; use " + range);
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(number);
  }

  /** An optional string; empty when absent or not a string. */
  Optional<String> text(String name, String example) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode value = node.get(name);
    if (!value.isTextual()) {
      problem(key(name) + " is " + shown(value) + "; write it as a string, e.g. " + example);
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  /** An optional nested object; empty when absent or not an object. */
  Optional<JsonSection> section(String name, String example) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode value = node.get(name);
    if (!value.isObject()) {
      problem(key(name) + " is " + shown(value) + "; write an object, e.g. " + example);
      return Optional.empty();
    }
    return Optional.of(new JsonSection(value, key(name), problems));
  }

  static boolean isWhole(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.canConvertToInt();
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      return number.stripTrailingZeros().scale() <= 0
          && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }
    return false;
  }

  /** A value as the author wrote it, short enough for a message. */
  static String shown(JsonNode value) {
    if (value.isNumber()) {
      return plain(value.decimalValue());
    }
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  static String orList(List<String> choices) {
    if (choices.size() == 1) {
      return choices.get(0);
    }
    return String.join(", ", choices.subList(0, choices.size() - 1))
        + " or "
        + choices.get(choices.size() - 1);
  }
}
