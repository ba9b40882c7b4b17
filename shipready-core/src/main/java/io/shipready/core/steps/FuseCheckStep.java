package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Fuses;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.Arrays;
import java.util.List;

/** Checks e-fuse content against an expected image (RF settings, region code). */
final class FuseCheckStep extends SimpleStepKind {
  FuseCheckStep() {
    super(
        "efuse_check",
        "Read e-fuses and compare them with the expected bytes (RF settings check).",
        StepCategory.CHECK,
        false,
        ParamSpec.required("offset", ParamType.INTEGER, "first e-fuse byte"),
        ParamSpec.optional("text", ParamType.STRING, "expected ASCII bytes"),
        ParamSpec.optional("hex", ParamType.STRING, "expected bytes as hex"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Fuses.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    int offset = (int) context.integer("offset", 0);
    byte[] expected = FuseBytes.of(context);
    byte[] actual = context.device().require(Fuses.class).read(offset, expected.length);
    context.attribute("efuse." + offset, FuseBytes.hex(actual));
    if (!Arrays.equals(actual, expected)) {
      throw new StepFailedException(
          "e-fuses at offset "
              + offset
              + " hold "
              + FuseBytes.hex(actual)
              + ", expected "
              + FuseBytes.hex(expected));
    }
  }
}
