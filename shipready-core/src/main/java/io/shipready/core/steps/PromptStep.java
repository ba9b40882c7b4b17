package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Prompter;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Asks the operator: confirm (a "no" fails the step), choose one of a list, or enter a value. The
 * answer is recorded, and measurements may judge it (source: answer).
 */
final class PromptStep extends SimpleStepKind {
  PromptStep() {
    super(
        "prompt",
        "Ask the operator to confirm, choose or enter a value; the answer is recorded.",
        StepCategory.CHECK,
        true,
        ParamSpec.required("message", ParamType.STRING, "what to ask"),
        ParamSpec.oneOf(
            "ask",
            false,
            "confirm (default), choose or value",
            List.of("confirm", "choose", "value")),
        ParamSpec.optional("choices", ParamType.STRING_LIST, "the choices, for choose"),
        ParamSpec.optional("image", ParamType.STRING, "a picture to show with the question"),
        ParamSpec.optional("wait", ParamType.DURATION, "how long to wait (default 10m)"));
  }

  /** Asks the operator; the unit is not asked for anything. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  /** The picture the station page shows with the question. */
  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    return texts(spec, "image").stream()
        .map(picture -> ReferencedFile.file("image", "picture", picture))
        .toList();
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Prompter.Kind kind =
        Prompter.Kind.valueOf(context.string("ask", "confirm").toUpperCase(Locale.ROOT));
    String answer =
        context
            .prompter()
            .ask(
                new Prompter.Prompt(
                    context.slot(),
                    kind,
                    context.string("message"),
                    context.strings("choices"),
                    context.string("image", null)),
                context.duration("wait", Duration.ofMinutes(10)));
    context.attribute("answer." + context.spec().id(), answer);
    if (kind == Prompter.Kind.CONFIRM && !isYes(answer)) {
      throw new StepFailedException(
          "operator answered '" + answer + "' to: " + context.string("message"));
    }
    if (kind == Prompter.Kind.CHOOSE && !context.strings("choices").contains(answer)) {
      throw new StepFailedException("'" + answer + "' is not one of " + context.strings("choices"));
    }
    context.spec().measurements().forEach(m -> context.measure(m.name(), answer));
  }

  private static boolean isYes(String answer) {
    return List.of("yes", "y", "ok", "pass", "true")
        .contains(answer.trim().toLowerCase(Locale.ROOT));
  }
}
