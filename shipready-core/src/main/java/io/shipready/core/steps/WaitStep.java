package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import java.time.Duration;
import java.util.List;

/** Waits: a fixture settling, a device booting, or a stand-in for work in a benchmark. */
final class WaitStep extends SimpleStepKind {
  WaitStep() {
    super(
        "wait",
        "Wait for a while (a fixture settling, a device booting).",
        StepCategory.ACTION,
        false,
        ParamSpec.required("duration", ParamType.DURATION, "how long to wait"));
  }

  /** Waits at the station; the unit is not asked for anything. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    context.sleep(context.duration("duration", Duration.ZERO));
  }
}
