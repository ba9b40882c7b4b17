package io.shipready.app.simulate;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Wifi;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.ImageSigning;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated Azure Sphere unit brought into a given condition through its own rules (recovery,
 * signed sideloads, Wi-Fi commands, manufacturing state), so a check meets a unit that got there
 * the way a real one would. Images are signed with a key made for this unit alone.
 */
public final class SimulatedSphere {
  private static final String KEY_ID = "simulated-line";

  private ManufacturingState state = ManufacturingState.BLANK;
  private List<String> osImageIds = List.of();
  private final List<String> applicationImageIds = new ArrayList<>();
  private final List<String> wifiNetworks = new ArrayList<>();
  private final List<String> capabilities = new ArrayList<>();
  private long seed = SimulationSettings.DEFAULT_SEED;

  /** The manufacturing state the unit ends in (default Blank). */
  public SimulatedSphere state(ManufacturingState state) {
    this.state = requireNonNull(state, "state");
    return this;
  }

  /** Recovers the unit to these OS components; none keeps the OS of a fresh unit. */
  public SimulatedSphere os(List<String> imageIds) {
    this.osImageIds = List.copyOf(imageIds);
    return this;
  }

  /** An application image installed on the unit (its component id is the image id). */
  public SimulatedSphere application(String imageId) {
    applicationImageIds.add(requireNonNull(imageId, "imageId"));
    return this;
  }

  public SimulatedSphere wifiNetwork(String ssid) {
    wifiNetworks.add(requireNonNull(ssid, "ssid"));
    return this;
  }

  public SimulatedSphere capability(String name) {
    capabilities.add(requireNonNull(name, "name"));
    return this;
  }

  public SimulatedSphere seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The unit, attached at {@code address}, in the condition asked for. */
  public SimulatedDevice attach(String address) throws InterruptedException {
    requireNonNull(address, "address");
    KeyPair key = newKey();
    SimulatedFleet fleet =
        new SimulatedFleet(
            SimulationSettings.builder()
                .timeScale(0)
                .seed(seed)
                .trustKey(KEY_ID, key.getPublic())
                .build());
    SimulatedDevice unit = fleet.unit(1, address, "azure-sphere");
    if (!osImageIds.isEmpty()) {
      List<Image> components = new ArrayList<>();
      for (String id : osImageIds) {
        components.add(
            new Image(
                "os " + id,
                "",
                ImageType.OS_COMPONENT,
                id,
                id,
                ("recovery image " + id).getBytes(StandardCharsets.UTF_8),
                null));
      }
      unit.require(Recovery.class).recover(components);
    }
    for (String imageId : applicationImageIds) {
      Image image =
          new Image(
              imageId,
              "",
              ImageType.APPLICATION,
              imageId,
              imageId,
              ("image package " + imageId).getBytes(StandardCharsets.UTF_8),
              null);
      unit.require(ImageStore.class).install(ImageSigning.signed(image, KEY_ID, key.getPrivate()));
    }
    for (String ssid : wifiNetworks) {
      unit.require(Wifi.class).addNetwork(ssid, "");
    }
    for (String capability : capabilities) {
      unit.inject(new Fault.CapabilityInstalled(capability));
    }
    ManufacturingStates states = unit.require(ManufacturingStates.class);
    for (ManufacturingState step : ManufacturingState.values()) {
      if (step.compareTo(states.current()) > 0 && step.compareTo(state) <= 0) {
        states.advanceTo(step);
      }
    }
    return unit;
  }

  private static KeyPair newKey() {
    try {
      return KeyPairGenerator.getInstance(ImageSigning.ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new ShipreadyException("this Java has no " + ImageSigning.ALGORITHM + " keys", e);
    }
  }
}
