package io.shipready.device.tools.azsphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Wifi;
import io.shipready.device.tools.ToolDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Azure Sphere chip driven by the azsphere command line. Attaching looks the slot's target (a
 * connection path, which survives reboots, or an IP address) up in {@code list-attached}; from then
 * on every command names that target with {@code --device}.
 */
public final class AzsphereDevice {
  public static final String FAMILY = "azure-sphere";

  private AzsphereDevice() {}

  /**
   * The device at the slot's target.
   *
   * @throws DeviceUnreachableException when no attached chip has that connection path or address
   */
  public static ToolDevice attach(AzsphereCli cli, String slot, String target)
      throws InterruptedException {
    return attach(cli, null, slot, target);
  }

  /**
   * The device at the slot's target, with its e-fuses through the RF tool when one is given.
   *
   * @throws DeviceUnreachableException when no attached chip has that connection path or address
   */
  static ToolDevice attach(AzsphereCli cli, RfTool rfTool, String slot, String target)
      throws InterruptedException {
    requireNonNull(cli, "cli");
    requireNonNull(slot, "slot");
    requireNonNull(target, "target");
    List<AttachedDevice> attached = cli.listAttached();
    AttachedDevice device =
        attached.stream()
            .filter(candidate -> candidate.matches(target))
            .findFirst()
            .orElseThrow(() -> notAttached(slot, target, attached));
    // Commands name the device by the slot's own target: the connection path survives a reboot,
    // the device id is only for the records.
    AzsphereImages images = new AzsphereImages(cli, target);
    AzsphereWifi wifi = new AzsphereWifi(cli, target);
    ToolDevice.Builder builder =
        ToolDevice.builder(slot, FAMILY)
            .with(Identity.class, identity(cli, wifi, slot, target))
            .with(ConnectionInfo.class, connection(device))
            .with(ImageStore.class, images)
            .with(Recovery.class, new AzsphereRecovery(cli, target, images))
            .with(ManufacturingStates.class, new AzsphereManufacturing(cli, target))
            .with(Wifi.class, wifi)
            .with(Power.class, new AzspherePower(cli, target))
            .with(Ethernet.class, new AzsphereEthernet(cli, target));
    if (rfTool != null) {
      builder.with(Fuses.class, new AzsphereFuses(rfTool, target));
    }
    return builder.build();
  }

  /**
   * Asks again each time: the connection path and IP address belong to the FTDI interface, and stay
   * the same when another chip is plugged into it.
   */
  private static Identity identity(AzsphereCli cli, AzsphereWifi wifi, String slot, String target) {
    return new Identity() {
      @Override
      public List<Identifier> identifiers() throws InterruptedException {
        List<AttachedDevice> attached = cli.listAttached();
        AttachedDevice device =
            attached.stream()
                .filter(candidate -> candidate.matches(target))
                .findFirst()
                .orElseThrow(() -> notAttached(slot, target, attached));
        List<Identifier> identifiers = new ArrayList<>();
        identifiers.add(new Identifier(Identifier.DEVICE_ID, device.deviceId()));
        try {
          identifiers.add(new Identifier(Identifier.WIFI_MAC, wifi.macAddress()));
        } catch (OperationRefusedException deviceComplete) {
          // A DeviceComplete chip no longer answers Wi-Fi commands; its device id still names it.
        }
        return identifiers;
      }

      @Override
      public Map<String, String> versions() {
        // The OS is reported as its component images, through Recovery.osComponentImageIds().
        return Map.of();
      }
    };
  }

  private static ConnectionInfo connection(AttachedDevice device) {
    return new ConnectionInfo() {
      @Override
      public String connectionPath() {
        return device.connectionPath();
      }

      @Override
      public String ipAddress() {
        return device.ipAddress();
      }
    };
  }

  private static DeviceUnreachableException notAttached(
      String slot, String target, List<AttachedDevice> attached) {
    return new DeviceUnreachableException(
        "slot "
            + slot
            + ": no Azure Sphere device attached at "
            + target
            + " (attached: "
            + describe(attached)
            + "); check the cable and the slot's connection path");
  }

  private static String describe(List<AttachedDevice> attached) {
    if (attached.isEmpty()) {
      return "none";
    }
    return String.join(
        ", ", attached.stream().map(d -> d.connectionPath() + " / " + d.ipAddress()).toList());
  }
}
