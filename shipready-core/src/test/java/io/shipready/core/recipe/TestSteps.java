package io.shipready.core.recipe;

import io.shipready.core.model.StepSpec;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepKind;
import io.shipready.core.step.StepLibrary;
import java.util.List;

/** A small step library of fake kinds, one per category, for reading recipes in tests. */
final class TestSteps {
  private TestSteps() {}

  static StepLibrary library() {
    return new StepLibrary()
        .add(new Fake("identify", StepCategory.IDENTIFICATION, List.of(), false, List.of()))
        .add(
            new Fake(
                "flash",
                StepCategory.ACTION,
                List.of(
                    ParamSpec.required(
                        "image", ParamType.STRING, "the image, relative to the recipe"),
                    ParamSpec.optional("verify", ParamType.BOOLEAN, "read the image back")),
                false,
                List.of()))
        .add(
            new Fake(
                "measure",
                StepCategory.CHECK,
                List.of(
                    ParamSpec.optional("samples", ParamType.INTEGER, "readings to average"),
                    ParamSpec.optional("scale", ParamType.NUMBER, "factor applied to readings"),
                    ParamSpec.optional("settle", ParamType.DURATION, "wait before reading"),
                    ParamSpec.optional("channels", ParamType.STRING_LIST, "channels to read"),
                    ParamSpec.oneOf("mode", false, "how to read", List.of("fast", "precise"))),
                true,
                List.of()))
        .add(
            new Fake(
                "efuse",
                StepCategory.IRREVERSIBLE,
                List.of(ParamSpec.required("fuses", ParamType.STRING_LIST, "the fuses to burn")),
                false,
                List.of()))
        .add(new Fake("ready_to_ship", StepCategory.CHECK, List.of(), false, List.of()))
        .add(
            new Fake(
                "set_state",
                StepCategory.FINALIZATION,
                List.of(ParamSpec.oneOf("state", true, "the state", List.of("DeviceComplete"))),
                false,
                List.of("ready_to_ship")));
  }

  /** A kind that only describes itself; recipes are read, never run, in these tests. */
  record Fake(
      String name,
      StepCategory category,
      List<ParamSpec> params,
      boolean takesMeasurements,
      List<String> requiredChecks)
      implements StepKind {
    @Override
    public String description() {
      return "fake " + name;
    }

    @Override
    public StepCategory category(StepSpec spec) {
      return category;
    }

    @Override
    public List<String> requiredChecksBefore(StepSpec spec) {
      return requiredChecks;
    }

    @Override
    public void execute(StepContext context) {}
  }
}
