package io.shipready.core.steps;

import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the unit's label on the station's printer, from a template of the line profile filled in
 * with the run's fields. The step passes only once the printer took the label; an unreachable
 * printer is retried by the printer and then fails the step, so a label is never silently lost.
 */
final class LabelStep extends SimpleStepKind {
  LabelStep() {
    super(
        "label",
        "Print the unit's label from a template, on the station's printer.",
        StepCategory.ACTION,
        false,
        ParamSpec.required(
            "template", ParamType.STRING, "label template (JSON), relative to the recipe"),
        ParamSpec.optional(
            "copies", ParamType.INTEGER, "copies to print (default: the template's own count)"),
        ParamSpec.optional(
            "values",
            ParamType.STRING_LIST,
            "fields the run does not have, as name=value, e.g. [fcc_id=2AXYZ-ASR1]"));
  }

  /** Prints at the station; the unit is not asked for anything. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    return texts(spec, "template").stream()
        .map(template -> ReferencedFile.file("template", "label template", template))
        .toList();
  }

  @Override
  public void execute(StepContext context) {
    Path template = context.recipeDirectory().resolve(context.string("template"));
    int copies = (int) context.integer("copies", 0);
    PrintedLabel label =
        context
            .outputs()
            .printLabel(context.runId(), template, copies, NameValues.of(context, "values"));
    context.labelPrinted(
        new PrintedLabel(
            context.string("template"),
            label.printer(),
            label.copies(),
            label.payload(),
            label.contentSha256()));
    if (!label.payload().isEmpty()) {
      context.attribute("label." + context.spec().id() + ".payload", label.payload());
    }
  }
}
