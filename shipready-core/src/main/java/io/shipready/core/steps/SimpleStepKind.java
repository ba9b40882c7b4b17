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
}
