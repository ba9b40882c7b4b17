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
    SourceLocation location) {

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
  }

  public Optional<MeasurementSpec> measurement(String measurementName) {
    return measurements.stream().filter(m -> m.name().equals(measurementName)).findFirst();
  }

  public StepSpec withMeasurements(List<MeasurementSpec> replaced) {
    return new StepSpec(
        id, kind, name, params, replaced, timeout, retry, onFail, dependsOn, lock, location);
  }
}
