package io.shipready.core.steps;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.spi.Programmer;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.TextFormat;
import java.util.List;

/**
 * Programs an image into a flash region. The file's SHA-256 is checked against the recipe before
 * anything is written (a wrong file never reaches a unit), and the region is read back and compared
 * after.
 */
final class FlashStep extends SimpleStepKind {
  FlashStep() {
    super(
        "flash",
        "Program an image into a flash region, then read it back and compare.",
        StepCategory.ACTION,
        false,
        ParamSpec.required("image", ParamType.STRING, "image file, relative to the recipe"),
        ParamSpec.required(
            "region", ParamType.STRING, "flash region: bootloader, softdevice, system, app..."),
        ParamSpec.optional("version", ParamType.STRING, "the image's version, for the record"),
        ParamSpec.text(
            "sha256",
            false,
            TextFormat.SHA256,
            "expected SHA-256 of the file; refused when different"),
        ParamSpec.optional(
            "verify", ParamType.BOOLEAN, "read the region back and compare (default true)"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Programmer.class);
  }

  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    return texts(spec, "image").stream()
        .map(image -> ReferencedFile.image("image", image, text(spec, "sha256")))
        .toList();
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Image image = Images.firmware(context, context.string("region"), ImageType.FIRMWARE);
    Programmer programmer = context.device().require(Programmer.class);
    programmer.write(image);
    if (context.flag("verify", true)) {
      String readBack = programmer.readBackSha256(image.name());
      if (!image.sha256().equals(readBack)) {
        throw new FlashFailedException(
            "read-back of "
                + image.name()
                + " does not match: expected "
                + image.sha256()
                + ", device has "
                + (readBack.isEmpty() ? "nothing" : readBack));
      }
    }
    context.imageWritten(image.name(), image.version(), image.sha256());
  }

  /** Loading an image and checking its file hash, shared by the steps that load images. */
  static final class Images {
    private Images() {}

    static Image firmware(StepContext context, String name, ImageType type) {
      String reference = context.string("image");
      ImageLibrary.ImageFile file = context.imageFile(reference);
      Image image =
          new Image(
              name,
              context.string("version", ""),
              type,
              context.string("component_id", null),
              context.string("image_id", null),
              file.content(),
              file.signature());
      String expected = context.string("sha256", null);
      if (expected != null && !expected.equalsIgnoreCase(image.sha256())) {
        throw new ShipreadyException(
            "image file "
                + reference
                + " has SHA-256 "
                + image.sha256()
                + " but the recipe expects "
                + expected
                + "; the file is not the approved one");
      }
      return image;
    }
  }
}
