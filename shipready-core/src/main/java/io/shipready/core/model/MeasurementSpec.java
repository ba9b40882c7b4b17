package io.shipready.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A measurement a step must take: its name, units, where the step reads it from, and the limits it
 * must meet. Every measurement has at least one limit; a value nobody judges is an attribute, not a
 * measurement.
 *
 * @param source what the step reads, in the step kind's own terms (a sensor quantity, a regex
 *     group, an identifier kind); defaults to the name
 */
public record MeasurementSpec(
    String name, String units, String source, List<Validator> validators, SourceLocation location) {
  public MeasurementSpec {
    requireNonNull(name, "name");
    units = units == null ? "" : units;
    source = source == null || source.isBlank() ? name : source;
    validators = List.copyOf(validators);
    location = location == null ? SourceLocation.UNKNOWN : location;
  }

  public MeasurementSpec withValidators(List<Validator> replaced) {
    return new MeasurementSpec(name, units, source, replaced, location);
  }
}
