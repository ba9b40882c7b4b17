package io.shipready.device.sim.azuresphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.Recovery;
import io.shipready.device.sim.Firing;
import io.shipready.device.sim.SimUnit;
import java.util.List;

/**
 * Recovery: erases the unit and installs exactly the given OS components. Like the real thing it
 * wipes applications, board configurations and Wi-Fi networks, brings the trusted keystore of the
 * new OS (every key of the simulation's settings) and reboots. Recovery images come from the OS
 * vendor and are checked by the unit's recovery loader with the vendor's own key, so their
 * signatures are not checked against the keystore. A recovery that stops early leaves the unit with
 * no OS components at all: recover it again.
 */
final class SphereRecovery implements Recovery {
  private final AzureSphereUnit sphere;

  SphereRecovery(AzureSphereUnit sphere) {
    this.sphere = sphere;
  }

  @Override
  public void recover(List<Image> osComponents) throws InterruptedException {
    requireNonNull(osComponents, "osComponents");
    SimUnit unit = sphere.unit;
    if (osComponents.isEmpty()) {
      throw new IllegalArgumentException(
          "recovery of " + unit.where() + " needs the recovery images; none were given");
    }
    long bytes = 0;
    for (Image image : osComponents) {
      if (image.type() != ImageType.OS_COMPONENT || image.imageId() == null) {
        throw new OperationRefusedException(
            "recovery of "
                + unit.where()
                + " refused "
                + image
                + ": recovery takes OS components with an image id, this is "
                + image.type()
                + "; pass the OS recovery images");
      }
      bytes += image.size();
    }
    Firing firing = unit.beginTransfer("recover");
    synchronized (sphere) {
      sphere.requireAllowed(
          "OS recovery", AzureSphereOs.FIELD_SERVICING, AzureSphereOs.APP_DEVELOPMENT);
      sphere.osImageIds = List.of();
      sphere.images.clear();
      sphere.wifiNetworks.clear();
    }
    unit.transfer(bytes, firing, "recovery", sent -> {});
    synchronized (sphere) {
      sphere.osImageIds = osComponents.stream().map(Image::imageId).toList();
      sphere.trustedKeys.clear();
      sphere.trustedKeys.putAll(unit.settings().trustedKeys());
      sphere.rebooted();
    }
    unit.spend(AzureSphereUnit.BOOT_TIME);
  }

  @Override
  public List<String> osComponentImageIds() {
    sphere.unit.beginUninterruptibly("os");
    synchronized (sphere) {
      sphere.requireAnswers("which OS components are installed");
      return sphere.osImageIds;
    }
  }
}
