package io.shipready.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named value taken during a step, with the limits it was judged against and the verdict. The
 * limits travel with the value so a record read years later still says what "good" meant then.
 */
public record Measurement(
    String name, Object value, String units, List<String> limits, boolean passed, String message) {
  public Measurement {
    requireNonNull(name, "name");
    units = units == null ? "" : units;
    limits = List.copyOf(limits);
    message = message == null ? "" : message;
  }
}
