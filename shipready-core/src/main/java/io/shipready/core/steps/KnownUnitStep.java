package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.KnownUnits;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.List;
import java.util.Optional;

/**
 * Makes sure the unit in front of the station is one the line built: an earlier run recorded one of
 * the identifiers scanned or read so far, and (when asked) that run passed a given recipe. A label
 * that matches no known unit is refused, so a stray or reprinted-by-hand label never gets a product
 * label or an RSSI row.
 */
final class KnownUnitStep extends SimpleStepKind {
  KnownUnitStep() {
    super(
        "known_unit",
        "Refuse a unit that no earlier run recorded (or that did not pass a given recipe).",
        StepCategory.CHECK,
        false,
        ParamSpec.optional(
            "passed",
            ParamType.STRING,
            "name of the recipe the unit must have passed before, e.g. afero-asr-programming"));
  }

  /** Asks the station's records; the unit is not asked for anything. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  @Override
  public void execute(StepContext context) {
    if (context.identifiers().isEmpty()) {
      throw new StepFailedException(
          "the unit has no identifier yet to look it up; scan or identify it in an earlier step");
    }
    Optional<KnownUnits.KnownUnit> known =
        context.knownUnits().find(context.identifiers(), context.runId());
    String scanned =
        context.identifiers().get(0).kind() + " " + context.identifiers().get(0).value();
    if (known.isEmpty() || known.get().runs().isEmpty()) {
      throw new StepFailedException(
          "no unit with "
              + scanned
              + " was ever recorded on this line; check the label belongs to a unit built here,"
              + " and that this station uses the line's shared records (--db)");
    }
    String recipe = context.string("passed", null);
    if (recipe != null && !known.get().passed(recipe)) {
      throw new StepFailedException(
          "unit "
              + known.get().reference()
              + " ("
              + scanned
              + ") never passed "
              + recipe
              + "; its runs: "
              + known.get().runs().stream().map(r -> r.recipe() + " " + r.outcome()).toList());
    }
    context.attribute("known_unit." + context.spec().id(), known.get().reference());
  }
}
