package io.shipready.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a recipe as written: what kind of action, with which parameters, measurements,
 * timeout, retries and dependencies.
 *
 * @param dependsOn the ids of the steps this one waits for; empty when it may start as soon as the
 *     run starts. The parser fills in the step listed before when the recipe says nothing, so a
 *     plain list of steps runs in order.
 * @param lock the name of a shared instrument this step holds while it runs, or null
 * @param paramLocations where each parameter under {@code with:} is written, so a problem found
 *     with a parameter after reading (a missing image) points at its line
 */
public record StepSpec(
    String id,
    String kind,
    String name,
    Map<String, Object> params,
    List<MeasurementSpec> measurements,
    Duration timeout,
    RetryPolicy retry,
    OnFail onFail,
    List<String> dependsOn,
    String lock,
    SourceLocation location,
    Map<String, SourceLocation> paramLocations) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  public StepSpec {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    name = name == null || name.isBlank() ? id : name;
    params = Map.copyOf(params);
    measurements = List.copyOf(measurements);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    retry = retry == null ? RetryPolicy.NONE : retry;
    onFail = onFail == null ? OnFail.STOP : onFail;
    dependsOn = List.copyOf(dependsOn);
    location = location == null ? SourceLocation.UNKNOWN : location;
    paramLocations = paramLocations == null ? Map.of() : Map.copyOf(paramLocations);
  }

  /** A step built in code, whose parameters have no place of their own. */
  public StepSpec(
      String id,
      String kind,
      String name,
      Map<String, Object> params,
      List<MeasurementSpec> measurements,
      Duration timeout,
      RetryPolicy retry,
      OnFail onFail,
      List<String> dependsOn,
      String lock,
      SourceLocation location) {
    this(
        id,
        kind,
        name,
        params,
        measurements,
        timeout,
        retry,
        onFail,
        dependsOn,
        lock,
        location,
        Map.of());
  }

  /** Where parameter {@code param} is written; the step's place when it is not known. */
  public SourceLocation location(String param) {
    return paramLocations.getOrDefault(param, location);
  }

  public Optional<MeasurementSpec> measurement(String measurementName) {
    return measurements.stream().filter(m -> m.name().equals(measurementName)).findFirst();
  }

  public StepSpec withMeasurements(List<MeasurementSpec> replaced) {
    return new StepSpec(
        id,
        kind,
        name,
        params,
        replaced,
        timeout,
        retry,
        onFail,
        dependsOn,
        lock,
        location,
        paramLocations);
  }
}
