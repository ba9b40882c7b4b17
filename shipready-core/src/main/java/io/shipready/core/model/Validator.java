package io.shipready.core.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A limit a measurement must meet. Limits are data in the recipe, not code, so a test engineer can
 * change them per product variant without a build.
 */
public sealed interface Validator {

  /** True when the value meets this limit. */
  boolean accepts(Object value);

  /** The limit as people write it, kept in the record next to the value. */
  String describe();

  /** Inclusive numeric range; either end may be open. */
  record Range(Double min, Double max) implements Validator {
    public Range {
      if (min == null && max == null) {
        throw new IllegalArgumentException("a range needs min, max or both");
      }
      if (min != null && max != null && min > max) {
        throw new IllegalArgumentException("range min " + min + " is above max " + max);
      }
    }

    @Override
    public boolean accepts(Object value) {
      Double number = Values.asNumber(value);
      if (number == null || number.isNaN()) {
        return false;
      }
      return (min == null || number >= min) && (max == null || number <= max);
    }

    @Override
    public String describe() {
      if (min != null && max != null) {
        return Values.format(min) + " <= x <= " + Values.format(max);
      }
      return min != null ? "x >= " + Values.format(min) : "x <= " + Values.format(max);
    }
  }

  /** Exact match; numbers compare by value, so 3 equals 3.0. */
  record Equals(Object expected) implements Validator {
    public Equals {
      Objects.requireNonNull(expected, "expected");
    }

    @Override
    public boolean accepts(Object value) {
      return Values.same(expected, value);
    }

    @Override
    public String describe() {
      return "== " + Values.text(expected);
    }
  }

  /** The whole value, as text, matches a regular expression. */
  record Matches(Pattern pattern) implements Validator {
    public Matches {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean accepts(Object value) {
      return value != null && pattern.matcher(Values.text(value)).matches();
    }

    @Override
    public String describe() {
      return "matches /" + pattern.pattern() + "/";
    }
  }

  /** The value is one of a listed set. */
  record OneOf(List<Object> allowed) implements Validator {
    public OneOf {
      allowed = List.copyOf(allowed);
      if (allowed.isEmpty()) {
        throw new IllegalArgumentException("one_of needs at least one value");
      }
    }

    @Override
    public boolean accepts(Object value) {
      return allowed.stream().anyMatch(candidate -> Values.same(candidate, value));
    }

    @Override
    public String describe() {
      return "one of " + allowed.stream().map(Values::text).toList();
    }
  }
}
