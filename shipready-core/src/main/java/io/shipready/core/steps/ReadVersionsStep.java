package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Identity;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import java.util.List;
import java.util.Map;

/**
 * Reads the unit's firmware and board versions after it was programmed, and records each as the
 * attribute {@code version.<name>} (the values identify recorded before flashing are replaced).
 * Measurements judge a version by naming it as their source, e.g. {@code source: system} with
 * {@code equals: "4.2.0"}.
 */
final class ReadVersionsStep extends SimpleStepKind {
  ReadVersionsStep() {
    super(
        "read_versions",
        "Read and record the unit's firmware and board versions; limits may judge them.",
        StepCategory.CHECK,
        true);
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Identity.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Map<String, String> versions = context.device().require(Identity.class).versions();
    versions.forEach((name, version) -> context.attribute("version." + name, version));
    context
        .spec()
        .measurements()
        .forEach(
            m -> {
              String value = versions.get(m.source());
              // A version the unit does not report is left unmeasured, and so fails its limit.
              if (value != null) {
                context.measure(m.name(), value);
              }
            });
  }
}
