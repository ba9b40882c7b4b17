package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Power;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import java.util.List;

/** Restarts the device (after a board configuration, a flag, new firmware). */
final class RebootStep extends SimpleStepKind {
  RebootStep() {
    super("reboot", "Restart the device.", StepCategory.ACTION, false);
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Power.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    context.device().require(Power.class).reboot();
  }
}
