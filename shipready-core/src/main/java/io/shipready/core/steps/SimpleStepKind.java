package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepKind;
import java.util.List;

/** A step kind whose name, parameters and category are fixed. */
abstract class SimpleStepKind implements StepKind {
  private final String name;
  private final String description;
  private final StepCategory category;
  private final boolean takesMeasurements;
  private final List<ParamSpec> params;

  SimpleStepKind(
      String name,
      String description,
      StepCategory category,
      boolean takesMeasurements,
      ParamSpec... params) {
    this.name = name;
    this.description = description;
    this.category = category;
    this.takesMeasurements = takesMeasurements;
    this.params = List.of(params);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<ParamSpec> params() {
    return params;
  }

  @Override
  public StepCategory category(StepSpec spec) {
    return category;
  }

  @Override
  public boolean takesMeasurements() {
    return takesMeasurements;
  }

  /** A text parameter as the recipe gave it, or null when it gave none. */
  static String text(StepSpec spec, String param) {
    Object value = spec.params().get(param);
    return value == null ? null : String.valueOf(value);
  }

  /** A parameter as a list of text: empty when not given, one item for a single value. */
  static List<String> texts(StepSpec spec, String param) {
    Object value = spec.params().get(param);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }
}
