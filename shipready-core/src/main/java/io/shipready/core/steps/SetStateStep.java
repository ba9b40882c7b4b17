package io.shipready.core.steps;

import io.shipready.core.device.ManufacturingState;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.List;

/**
 * Moves the device to a later manufacturing state. Irreversible; DeviceComplete finishes the unit,
 * so it must come last and after the ready-to-ship checks.
 */
final class SetStateStep extends SimpleStepKind {
  SetStateStep() {
    super(
        "set_state",
        "Advance the manufacturing state (Module1Complete, DeviceComplete). Irreversible.",
        StepCategory.IRREVERSIBLE,
        false,
        ParamSpec.oneOf(
            "state", true, "the state to move to", List.of("Module1Complete", "DeviceComplete")));
  }

  @Override
  public StepCategory category(StepSpec spec) {
    return "DeviceComplete".equals(spec.params().get("state"))
        ? StepCategory.FINALIZATION
        : StepCategory.IRREVERSIBLE;
  }

  @Override
  public List<String> requiredChecksBefore(StepSpec spec) {
    return category(spec) == StepCategory.FINALIZATION ? List.of("ready_to_ship") : List.of();
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(ManufacturingStates.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    ManufacturingStates states = context.device().require(ManufacturingStates.class);
    ManufacturingState target = ManufacturingState.parse(context.string("state"));
    ManufacturingState before = states.current();
    context.attribute("state.before", before.displayName());
    if (before == target) {
      context.log("already " + target.displayName());
      return;
    }
    states.advanceTo(target);
    ManufacturingState after = states.current();
    context.attribute("state.after", after.displayName());
    if (after != target) {
      throw new StepFailedException(
          "device reports " + after.displayName() + " after moving to " + target.displayName());
    }
  }
}
