package io.shipready.core.steps;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageRejectedException;
import io.shipready.core.device.ImageType;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import io.shipready.core.step.TextFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads a signed image into the device's image store. When the device says the image is not trusted
 * and the recipe names a keystore image, the newer keystore is loaded and the image tried once
 * more, as the vendor's process prescribes.
 */
final class SideloadStep extends SimpleStepKind {
  SideloadStep() {
    super(
        "sideload",
        "Load a signed image into the device's image store, updating a stale keystore if needed.",
        StepCategory.ACTION,
        false,
        ParamSpec.required("image", ParamType.STRING, "signed image file, relative to the recipe"),
        ParamSpec.required("component_id", ParamType.STRING, "the image's component id"),
        ParamSpec.required("image_id", ParamType.STRING, "the image's image id"),
        ParamSpec.oneOf(
            "type",
            false,
            "what the image is (default application)",
            List.of("application", "board_config", "keystore")),
        ParamSpec.optional("version", ParamType.STRING, "the image's version, for the record"),
        ParamSpec.text("sha256", false, TextFormat.SHA256, "expected SHA-256 of the file"),
        ParamSpec.optional(
            "keystore",
            ParamType.STRING,
            "keystore image to load when the device says not trusted"),
        ParamSpec.optional("keystore_component_id", ParamType.STRING, "the keystore's component"),
        ParamSpec.optional("keystore_image_id", ParamType.STRING, "the keystore's image id"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(ImageStore.class);
  }

  /** The image, pinned by its hash, and the keystore loaded when the device does not trust it. */
  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    List<ReferencedFile> files = new ArrayList<>();
    texts(spec, "image")
        .forEach(i -> files.add(ReferencedFile.image("image", i, text(spec, "sha256"))));
    texts(spec, "keystore").forEach(k -> files.add(ReferencedFile.image("keystore", k, null)));
    return files;
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    ImageType type =
        ImageType.valueOf(context.string("type", "application").toUpperCase(Locale.ROOT));
    Image image = FlashStep.Images.firmware(context, context.string("component_id"), type);
    ImageStore store = context.device().require(ImageStore.class);
    try {
      store.install(image);
    } catch (ImageRejectedException rejected) {
      String keystore = context.string("keystore", null);
      if (rejected.reason() != ImageRejectedException.Reason.NOT_TRUSTED || keystore == null) {
        throw rejected;
      }
      context.log("image not trusted; loading keystore " + keystore + " and retrying");
      var file = context.imageFile(keystore);
      Image keystoreImage =
          new Image(
              "keystore",
              "",
              ImageType.KEYSTORE,
              context.string("keystore_component_id", "keystore"),
              context.string("keystore_image_id", "keystore"),
              file.content(),
              file.signature());
      store.install(keystoreImage);
      // The unit now trusts other keys for good: the record must say which keystore did that.
      context.imageWritten(keystoreImage.imageId(), "", keystoreImage.sha256());
      context.attribute("keystore.updated", keystore + " (image " + keystoreImage.imageId() + ")");
      store.install(image);
      context.attribute("keystore.retried", image.imageId() + " loaded after the keystore update");
    }
    // A keystore update adds keys to the trusted keystore; it is not an image the store lists.
    if (type != ImageType.KEYSTORE) {
      boolean installed =
          store.installed().stream().anyMatch(i -> image.imageId().equals(i.imageId()));
      if (!installed) {
        throw new StepFailedException("image " + image.imageId() + " is not listed after loading");
      }
    }
    context.imageWritten(image.imageId(), image.version(), image.sha256());
  }
}
