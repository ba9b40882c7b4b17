package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Validator;
import io.shipready.core.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the limits of a measurement (range, equals, regex, one_of), written the same way on a
 * measurement and in a variant's {@code limits:}.
 */
final class LimitReader {
  static final List<String> KEYS = List.of("range", "equals", "regex", "one_of");
  static final String NO_LIMIT_FIX =
      "add at least one of range:, equals:, regex: or one_of: (a value nobody judges is an"
          + " attribute, not a measurement)";

  private final Problems problems;

  LimitReader(Problems problems) {
    this.problems = requireNonNull(problems, "problems");
  }

  /**
   * The limits written in {@code map}. Reports a measurement with none at all; limits that are
   * written but wrong are reported where they are written, and left out.
   *
   * @param measurement how messages name the measurement
   */
  List<Validator> read(YamlMap map, String measurement) {
    if (KEYS.stream().noneMatch(map::has)) {
      problems.add(map.location(), measurement + " has no limit", NO_LIMIT_FIX);
      return List.of();
    }
    List<Validator> limits = new ArrayList<>();
    map.get("range").flatMap(value -> range(value, measurement)).ifPresent(limits::add);
    map.get("equals")
        .flatMap(LimitReader::finite)
        .map(Validator.Equals::new)
        .ifPresent(limits::add);
    map.get("regex").flatMap(this::regex).ifPresent(limits::add);
    map.get("one_of").flatMap(this::oneOf).ifPresent(limits::add);
    return limits;
  }

  private Optional<Validator> range(YamlValue value, String measurement) {
    String where = "range of " + measurement;
    Optional<YamlMap> map = value.map(where, List.of("min", "max"));
    if (map.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlValue> minValue = map.get().get("min");
    Optional<YamlValue> maxValue = map.get().get("max");
    if (minValue.isEmpty() && maxValue.isEmpty()) {
      value.refuse(where + " has neither min nor max", "add min:, max: or both");
      return Optional.empty();
    }
    Optional<Double> min = minValue.flatMap(YamlValue::number);
    Optional<Double> max = maxValue.flatMap(YamlValue::number);
    if (minValue.isPresent() != min.isPresent() || maxValue.isPresent() != max.isPresent()) {
      return Optional.empty(); // a bound that is not a number has been reported
    }
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      value.refuse(
          where + " has min " + Values.format(min.get()) + " above max " + Values.format(max.get()),
          "swap them, or correct the one that is wrong");
      return Optional.empty();
    }
    return Optional.of(new Validator.Range(min.orElse(null), max.orElse(null)));
  }

  private Optional<Validator> regex(YamlValue value) {
    Optional<String> text = value.text();
    try {
      return text.map(Pattern::compile).map(Validator.Matches::new);
    } catch (PatternSyntaxException invalid) {
      value.refuse(
          value.label() + " is not a valid regular expression: " + invalid.getDescription(),
          "correct the pattern (Java syntax; it must match the whole value, so no ^ or $ are"
              + " needed)");
      return Optional.empty();
    }
  }

  /**
   * A single value to compare with; {@code .nan} is refused, since nothing equals it and the
   * measurement would fail every unit, and so is {@code .inf}, which no reading is.
   */
  private static Optional<Object> finite(YamlValue value) {
    Optional<Object> scalar = value.scalar();
    if (scalar.isPresent()
        && scalar.get() instanceof Double number
        && (number.isNaN() || number.isInfinite())) {
      value.wrongType(
          "a finite number or text",
          "write the value the reading must have, e.g. 3.3; quote it (\".nan\") to mean the text");
      return Optional.empty();
    }
    return scalar;
  }

  private Optional<Validator> oneOf(YamlValue value) {
    Optional<List<YamlValue>> items = value.list();
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().isEmpty()) {
      value.refuse(value.label() + " is empty", "list the values allowed, e.g. one_of: [A, B]");
      return Optional.empty();
    }
    List<Object> allowed = new ArrayList<>();
    for (YamlValue item : items.get()) {
      finite(item).ifPresent(allowed::add);
    }
    return allowed.size() == items.get().size()
        ? Optional.of(new Validator.OneOf(allowed))
        : Optional.empty();
  }
}
