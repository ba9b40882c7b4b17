package io.shipready.device.sim.azuresphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageRejectedException;
import io.shipready.core.device.ImageSignature;
import io.shipready.core.device.ImageType;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.ImageStore;
import io.shipready.device.sim.Firing;
import io.shipready.device.sim.ImageSigning;
import io.shipready.device.sim.KeystoreImages;
import io.shipready.device.sim.SimUnit;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sideloading: every image must be signed by a key in the unit's trusted keystore. The image is
 * sent first and checked on the unit, so a refused image still costs its transfer time. Keystore
 * images add keys and are not listed; board configurations and applications are listed. A
 * DeviceComplete unit takes images only with a capability, and deletes them only with {@link
 * AzureSphereOs#APP_DEVELOPMENT}.
 */
final class SphereImageStore implements ImageStore {
  private final AzureSphereUnit sphere;

  SphereImageStore(AzureSphereUnit sphere) {
    this.sphere = sphere;
  }

  @Override
  public void install(Image image) throws InterruptedException {
    requireNonNull(image, "image");
    requireSideloadable(image);
    List<String> names = new ArrayList<>();
    if (image.componentId() != null) {
      names.add("install:" + image.componentId());
    }
    names.add("install:" + image.name());
    SimUnit unit = sphere.unit;
    Firing firing = unit.beginTransfer(names.toArray(String[]::new));
    requireLoadingAllowed();
    unit.transfer(image.size(), firing, "the install of " + image, bytes -> {});
    synchronized (sphere) {
      requireLoadingAllowed();
      verifySignature(image, Map.copyOf(sphere.trustedKeys));
      if (image.type() == ImageType.KEYSTORE) {
        sphere.trustedKeys.putAll(KeystoreImages.parse(image.toString(), image.content()));
      } else {
        sphere.images.put(
            image.componentId(),
            new AzureSphereUnit.StoredImage(
                new InstalledImage(
                    image.name(), image.componentId(), image.imageId(), image.type()),
                image.version()));
      }
    }
  }

  @Override
  public void delete(String componentId) throws InterruptedException {
    requireNonNull(componentId, "componentId");
    sphere.unit.begin("delete:" + componentId);
    synchronized (sphere) {
      sphere.requireAllowed("deleting images", AzureSphereOs.APP_DEVELOPMENT);
      // Deleting what is not there is not an error, so a teardown can always clean up.
      sphere.images.remove(componentId);
    }
  }

  @Override
  public List<InstalledImage> installed() {
    sphere.unit.beginUninterruptibly("images");
    synchronized (sphere) {
      sphere.requireAnswers("which images are installed");
      return sphere.images.values().stream().map(AzureSphereUnit.StoredImage::installed).toList();
    }
  }

  private void requireLoadingAllowed() {
    synchronized (sphere) {
      sphere.requireAllowed(
          "loading software", AzureSphereOs.FIELD_SERVICING, AzureSphereOs.APP_DEVELOPMENT);
    }
  }

  private void requireSideloadable(Image image) {
    String where = sphere.unit.where();
    switch (image.type()) {
      case APPLICATION, BOARD_CONFIG -> {
        if (image.componentId() == null || image.imageId() == null) {
          throw new OperationRefusedException(
              "image "
                  + image
                  + " for "
                  + where
                  + " has no "
                  + (image.componentId() == null ? "component id" : "image id")
                  + "; an image package for the image store carries both");
        }
      }
      case KEYSTORE -> {}
      case OS_COMPONENT ->
          throw new OperationRefusedException(
              "image "
                  + image
                  + " is an OS component; "
                  + where
                  + " takes OS components by recovery, not by sideloading");
      case FIRMWARE ->
          throw new OperationRefusedException(
              "image "
                  + image
                  + " is raw firmware; "
                  + where
                  + " only takes signed image packages (application, board configuration, keystore)");
    }
  }

  private void verifySignature(Image image, Map<String, PublicKey> trusted) {
    String where = sphere.unit.where();
    ImageSignature signature = image.signature();
    if (signature == null) {
      throw new ImageRejectedException(
          "Image not signed: "
              + image
              + " was refused by "
              + where
              + ", which only takes signed images; load the production-signed image",
          ImageRejectedException.Reason.UNSIGNED);
    }
    PublicKey key = trusted.get(signature.keyId());
    if (key == null) {
      throw new ImageRejectedException(
          "Image not trusted by device: "
              + image
              + " is signed with key '"
              + signature.keyId()
              + "', which the trusted keystore of "
              + where
              + " does not hold; deploy the newer trusted keystore image, then retry",
          ImageRejectedException.Reason.NOT_TRUSTED);
    }
    if (!ImageSigning.verifies(image.content(), signature, key)) {
      throw new ImageRejectedException(
          "Image signature does not match: "
              + image
              + " claims key '"
              + signature.keyId()
              + "' but its bytes do not verify on "
              + where
              + "; the image was altered or damaged, get a fresh copy of the signed image",
          ImageRejectedException.Reason.BAD_SIGNATURE);
    }
  }
}
