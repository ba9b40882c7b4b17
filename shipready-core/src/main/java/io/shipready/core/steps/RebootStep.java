package io.shipready.core.steps;

import io.shipready.core.device.Power;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;

/** Restarts the device (after a board configuration, a flag, new firmware). */
final class RebootStep extends SimpleStepKind {
  RebootStep() {
    super("reboot", "Restart the device.", StepCategory.ACTION, false);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    context.device().require(Power.class).reboot();
  }
}
