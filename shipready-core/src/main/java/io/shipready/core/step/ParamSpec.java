package io.shipready.core.step;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parameter a step kind takes under {@code with:}.
 *
 * @param allowed the only values allowed, for a string parameter; empty when any is
 * @param format what a text value must look like beyond being text, checked when the recipe is read
 */
public record ParamSpec(
    String name,
    ParamType type,
    boolean required,
    String description,
    List<String> allowed,
    TextFormat format) {
  public ParamSpec {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    description = description == null ? "" : description;
    allowed = List.copyOf(allowed);
    format = format == null ? TextFormat.ANY : format;
  }

  public ParamSpec(
      String name, ParamType type, boolean required, String description, List<String> allowed) {
    this(name, type, required, description, allowed, TextFormat.ANY);
  }

  public static ParamSpec required(String name, ParamType type, String description) {
    return new ParamSpec(name, type, true, description, List.of());
  }

  public static ParamSpec optional(String name, ParamType type, String description) {
    return new ParamSpec(name, type, false, description, List.of());
  }

  public static ParamSpec oneOf(
      String name, boolean required, String description, List<String> allowed) {
    return new ParamSpec(name, ParamType.STRING, required, description, allowed);
  }

  /** A text parameter that must be in {@code format}, e.g. a regular expression that compiles. */
  public static ParamSpec text(
      String name, boolean required, TextFormat format, String description) {
    return new ParamSpec(name, ParamType.STRING, required, description, List.of(), format);
  }
}
