package io.shipready.core.steps;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.StepSpec;
import io.shipready.core.model.Values;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Console;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import io.shipready.core.step.TextFormat;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a command to the unit's console and expects a reply. Named groups of the expected pattern
 * become measurements: {@code expect: "VDD=(?<vdd>[0-9.]+)"} with a measurement whose source is
 * vdd.
 */
final class ConsoleStep extends SimpleStepKind {
  ConsoleStep() {
    super(
        "console",
        "Send a console command and check the reply; named regex groups become measurements.",
        StepCategory.CHECK,
        true,
        ParamSpec.required("send", ParamType.STRING, "the command line to send"),
        ParamSpec.text(
            "expect", true, TextFormat.REGEX, "regular expression the reply must contain"),
        ParamSpec.optional(
            "reply_within", ParamType.DURATION, "how long to wait for the reply (default 5s)"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Console.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    String command = context.string("send");
    String reply =
        context
            .device()
            .require(Console.class)
            .exchange(command, context.duration("reply_within", Duration.ofSeconds(5)));
    Matcher matcher = Pattern.compile(context.string("expect")).matcher(reply);
    if (!matcher.find()) {
      throw new StepFailedException(
          "'"
              + command
              + "' replied '"
              + reply.strip()
              + "', expected "
              + context.string("expect"));
    }
    for (MeasurementSpec m : context.spec().measurements()) {
      String value;
      try {
        value = matcher.group(m.source());
      } catch (IllegalArgumentException noSuchGroup) {
        throw new StepFailedException(
            "the expect pattern has no group named " + m.source() + " for measurement " + m.name());
      }
      if (value != null) {
        context.measure(m.name(), Values.numberOrText(value));
      }
    }
  }
}
