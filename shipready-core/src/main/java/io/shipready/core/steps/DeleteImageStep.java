package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.List;

/** Deletes a component's image (a functional-test image must not ship). */
final class DeleteImageStep extends SimpleStepKind {
  DeleteImageStep() {
    super(
        "delete_image",
        "Delete a component's image from the device (test images must not ship).",
        StepCategory.ACTION,
        false,
        ParamSpec.required("component_id", ParamType.STRING, "the component to delete"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(ImageStore.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    ImageStore store = context.device().require(ImageStore.class);
    String component = context.string("component_id");
    store.delete(component);
    if (store.installed().stream().anyMatch(i -> component.equals(i.componentId()))) {
      throw new StepFailedException("component " + component + " is still installed");
    }
    // Proof in the record that the temporary image did not ship.
    context.attribute("image.deleted", component);
  }
}
