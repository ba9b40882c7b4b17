package io.shipready.core.engine;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.OnFail;
import io.shipready.core.model.RetryPolicy;
import io.shipready.core.model.StepSpec;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.StationSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds recipes in code for engine tests, so they do not depend on the YAML parser. */
final class TestRecipes {
  private TestRecipes() {}

  static Recipe recipe(List<String> instruments, StepSpec... steps) {
    return new Recipe(
        "engine-test",
        "1",
        "",
        new StationSpec("test", "test", 1, instruments),
        List.of(),
        List.of(),
        List.of(steps),
        List.of(),
        List.of(),
        Map.of(),
        Map.of(),
        null,
        "engine-test.yaml",
        "0");
  }

  static Recipe recipe(StepSpec... steps) {
    return recipe(List.of(), steps);
  }

  static Builder step(String id, String kind) {
    return new Builder(id, kind);
  }

  static final class Builder {
    private final String id;
    private final String kind;
    private Map<String, Object> params = Map.of();
    private final List<MeasurementSpec> measurements = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(10);
    private RetryPolicy retry = RetryPolicy.NONE;
    private OnFail onFail = OnFail.STOP;
    private List<String> dependsOn = List.of();
    private String lock;

    Builder(String id, String kind) {
      this.id = id;
      this.kind = kind;
    }

    Builder with(Map<String, Object> params) {
      this.params = params;
      return this;
    }

    Builder measure(MeasurementSpec spec) {
      measurements.add(spec);
      return this;
    }

    Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    Builder retry(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    Builder onFail(OnFail onFail) {
      this.onFail = onFail;
      return this;
    }

    Builder after(String... ids) {
      this.dependsOn = List.of(ids);
      return this;
    }

    Builder lock(String lock) {
      this.lock = lock;
      return this;
    }

    StepSpec build() {
      return new StepSpec(
          id, kind, id, params, measurements, timeout, retry, onFail, dependsOn, lock, null);
    }
  }
}
