package io.shipready.core.step;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parameter a step kind takes under {@code with:}.
 *
 * @param allowed the only values allowed, for a string parameter; empty when any is
 */
public record ParamSpec(
    String name, ParamType type, boolean required, String description, List<String> allowed) {
  public ParamSpec {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    description = description == null ? "" : description;
    allowed = List.copyOf(allowed);
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
}
