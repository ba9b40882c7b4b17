package io.shipready.core.steps;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Recovery;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reinstalls the operating system from recovery images, then checks the device lists exactly their
 * image ids as its OS components. Slow (minutes on real devices); give it a long timeout.
 */
final class RecoverStep extends SimpleStepKind {
  RecoverStep() {
    super(
        "recover",
        "Reinstall the device's OS from recovery images.",
        StepCategory.ACTION,
        false,
        ParamSpec.required("images", ParamType.STRING_LIST, "recovery image files, in order"),
        ParamSpec.required(
            "image_ids", ParamType.STRING_LIST, "the image id of each file, in the same order"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Recovery.class);
  }

  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    return texts(spec, "images").stream()
        .map(image -> ReferencedFile.image("images", image, null))
        .toList();
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    List<String> files = context.strings("images");
    List<String> ids = context.strings("image_ids");
    if (files.size() != ids.size()) {
      throw new IllegalArgumentException(
          "step " + context.spec().id() + ": images and image_ids must have the same length");
    }
    List<Image> components = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      var file = context.imageFile(files.get(i));
      components.add(
          new Image(
              "os-" + i,
              "",
              ImageType.OS_COMPONENT,
              ids.get(i),
              ids.get(i),
              file.content(),
              file.signature()));
    }
    Recovery recovery = context.device().require(Recovery.class);
    recovery.recover(components);
    if (!new HashSet<>(recovery.osComponentImageIds()).containsAll(ids)) {
      throw new StepFailedException(
          "after recovery the device lists "
              + recovery.osComponentImageIds()
              + ", expected "
              + ids);
    }
  }
}
