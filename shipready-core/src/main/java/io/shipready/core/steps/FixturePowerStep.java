package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.FixturePower;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Switches the fixture's supply on (at a voltage and current limit) or off. A recipe powers the
 * unit in {@code setup.run} and switches it off in {@code teardown.run}, which runs after every
 * run, aborted ones included.
 */
final class FixturePowerStep extends SimpleStepKind {
  FixturePowerStep() {
    super(
        "fixture_power",
        "Switch the fixture's supply on (at a voltage and current limit) or off.",
        StepCategory.ACTION,
        false,
        ParamSpec.oneOf("output", true, "on or off", List.of("on", "off")),
        ParamSpec.optional("voltage", ParamType.NUMBER, "output voltage in volts, e.g. 3.3"),
        ParamSpec.optional(
            "current_limit", ParamType.NUMBER, "current limit in amperes, e.g. 0.5"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(FixturePower.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    FixturePower supply = context.device().require(FixturePower.class);
    if (context.string("output").toLowerCase(Locale.ROOT).equals("off")) {
      supply.off();
      context.log("fixture supply off");
      return;
    }
    OptionalDouble volts = number(context, "voltage");
    OptionalDouble amps = number(context, "current_limit");
    supply.on(volts, amps);
    context.log(
        "fixture supply on"
            + (volts.isPresent() ? " at " + volts.getAsDouble() + " V" : "")
            + (amps.isPresent() ? ", limit " + amps.getAsDouble() + " A" : ""));
  }

  private static OptionalDouble number(StepContext context, String name) {
    return context
        .param(name)
        .map(value -> OptionalDouble.of(((Number) value).doubleValue()))
        .orElse(OptionalDouble.empty());
  }
}
