package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Settings;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.List;

/** Sets a persistent device setting (e.g. Particle's setup_done) and reads it back. */
final class SetFlagStep extends SimpleStepKind {
  SetFlagStep() {
    super(
        "set_flag",
        "Set a persistent device setting or flag and read it back.",
        StepCategory.ACTION,
        false,
        ParamSpec.required("name", ParamType.STRING, "the setting, e.g. setup_done"),
        ParamSpec.required("value", ParamType.STRING, "the value, e.g. true"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Settings.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Settings settings = context.device().require(Settings.class);
    String name = context.string("name");
    String value = context.string("value");
    settings.set(name, value);
    String readBack = settings.get(name).orElse("");
    if (!readBack.equals(value)) {
      throw new StepFailedException(
          name + " reads '" + readBack + "' after setting '" + value + "'");
    }
  }
}
