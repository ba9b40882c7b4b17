package io.shipready.device.sim.azuresphere;

import io.shipready.core.device.ImageType;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Wifi;
import io.shipready.device.sim.CommandConsole;
import io.shipready.device.sim.ConsoleReply;
import io.shipready.device.sim.Derivation;
import io.shipready.device.sim.FamilyModel;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.FaultChecks;
import io.shipready.device.sim.FixtureSensors;
import io.shipready.device.sim.MacAddress;
import io.shipready.device.sim.Nominal;
import io.shipready.device.sim.RadioReceiver;
import io.shipready.device.sim.Rebooter;
import io.shipready.device.sim.SimUnit;
import io.shipready.device.sim.UnitIdentity;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated Azure Sphere-like chip. Fields marked "guarded" are read and changed only while
 * holding this object's lock; the capability classes hold the rules and come here for the state.
 *
 * <p>Connection: the connection path comes from the slot's number n (trailing digits of the slot
 * name, else the unit number) as a USB hub location {@code 1-<1 + (n-1)/4>.<1 + (n-1)%4>}, so slot
 * 6 is {@code 1-2.2}; it survives reboots. The IP address is {@code 192.168.35.x} with x from the
 * slot number and the reboot count: it changes on every reboot.
 *
 * <p>Console commands (answered only while an application image is installed, as the functional
 * test application is what answers): {@code help}, {@code ping} (pong), {@code selftest} (PASS),
 * {@code deviceid}.
 */
public final class AzureSphereUnit implements FamilyModel {
  public static final Duration BOOT_TIME = Duration.ofSeconds(3);

  /** Meters on the fixture: supply V, current mA (Wi-Fi on), board temperature. */
  static final Map<String, Nominal> SENSORS =
      Map.of(
          "supply_voltage", new Nominal(3.30, 0.02, 3),
          "current_ma", new Nominal(180, 8, 1),
          "temperature_c", new Nominal(25, 1, 1));

  static final Map<Radio.Band, Nominal> RADIO = Map.of(Radio.Band.WIFI, new Nominal(-50, 2.5, 0));

  private static final FaultChecks CHECKS =
      new FaultChecks(
          AzureSphereFamily.NAME,
          List.of(),
          SENSORS.keySet(),
          RADIO.keySet(),
          FaultChecks.commonAnd(
              "install", "delete", "images", "os", "state", "fuses", "wifi", "ethernet", "recover"),
          true,
          false);

  final SimUnit unit;
  final String deviceId;
  final String wifiMac;
  final String connectionPath;

  ManufacturingState state = ManufacturingState.BLANK; // guarded
  final byte[] fuses = new byte[AzureSphereOs.FUSE_BYTES]; // guarded
  final Map<String, PublicKey> trustedKeys = new LinkedHashMap<>(); // guarded
  final Map<String, StoredImage> images = new LinkedHashMap<>(); // guarded, by component id
  List<String> osImageIds; // guarded
  final Map<String, String> wifiNetworks = new LinkedHashMap<>(); // guarded, ssid to psk
  final List<String> capabilities = new ArrayList<>(); // guarded
  int reboots; // guarded
  boolean ethernetUp; // guarded

  private final Map<Class<? extends Capability>, Capability> capabilityMap;

  /** An image in the unit's image store. */
  record StoredImage(ImageStore.InstalledImage installed, String version) {}

  AzureSphereUnit(SimUnit unit) {
    this.unit = unit;
    Derivation d = unit.derivation();
    this.deviceId = d.hex(unit.label("device_id"), 128).toUpperCase(Locale.ROOT);
    long macSuffix = unit.sequential("wifi_mac", 1L << 32);
    this.wifiMac = MacAddress.of(0x02, 0x35, macSuffix);
    int n = Math.max(1, unit.slotNumber());
    this.connectionPath = "1-" + (1 + (n - 1) / 4) + "." + (1 + (n - 1) % 4);
    this.trustedKeys.putAll(unit.settings().trustedKeys());
    this.osImageIds = List.copyOf(unit.settings().freshOsImageIds());
    if (unit.settings().arriveProgrammed()) {
      // As the programming station leaves a chip: finalized, for the audit stations after it.
      this.state = ManufacturingState.DEVICE_COMPLETE;
    }

    UnitIdentity identity =
        new UnitIdentity(
            unit,
            List.of(
                new Identifier(Identifier.DEVICE_ID, deviceId),
                new Identifier(Identifier.WIFI_MAC, wifiMac)),
            this::versions);
    Map<Class<? extends Capability>, Capability> caps = new LinkedHashMap<>();
    caps.put(ConnectionInfo.class, new SphereConnection(this));
    caps.put(Identity.class, identity);
    caps.put(ManufacturingStates.class, new SphereManufacturing(this));
    caps.put(Fuses.class, new SphereFuses(this));
    caps.put(ImageStore.class, new SphereImageStore(this));
    caps.put(Recovery.class, new SphereRecovery(this));
    caps.put(Wifi.class, new SphereWifi(this));
    caps.put(Ethernet.class, (Ethernet) this::ethernetLinkUp);
    caps.put(Power.class, new Rebooter(unit, BOOT_TIME, this::rebooted));
    caps.put(Radio.class, new RadioReceiver(unit, RADIO, band -> Optional.empty()));
    caps.put(Sensors.class, new FixtureSensors(unit, SENSORS));
    caps.put(Console.class, new CommandConsole(unit, this::reply));
    this.capabilityMap = Map.copyOf(caps);
  }

  @Override
  public Map<Class<? extends Capability>, Capability> capabilities() {
    return capabilityMap;
  }

  @Override
  public synchronized void accept(Fault fault) {
    CHECKS.requireFits(fault);
    if (fault instanceof Fault.StaleKeystore stale) {
      List<String> fresh = new ArrayList<>(unit.settings().trustedKeys().keySet());
      if (stale.missingKeyIds().isEmpty()) {
        trustedKeys.keySet().retainAll(fresh.isEmpty() ? List.of() : List.of(fresh.get(0)));
        return;
      }
      for (String keyId : stale.missingKeyIds()) {
        if (!fresh.contains(keyId)) {
          throw new IllegalArgumentException(
              "StaleKeystore names key '"
                  + keyId
                  + "', which a fresh unit does not trust anyway; name one of "
                  + fresh);
        }
      }
      trustedKeys.keySet().removeAll(stale.missingKeyIds());
    } else if (fault instanceof Fault.CapabilityInstalled installed) {
      if (!capabilities.contains(installed.capability())) {
        capabilities.add(installed.capability());
      }
    }
  }

  /**
   * Refuses {@code action} on a DeviceComplete unit that holds none of the capabilities that allow
   * it. Call while holding this lock.
   */
  void requireAllowed(String action, String... enabledBy) {
    if (state != ManufacturingState.DEVICE_COMPLETE) {
      return;
    }
    for (String capability : enabledBy) {
      if (capabilities.contains(capability)) {
        return;
      }
    }
    throw new OperationRefusedException(
        "the unit at "
            + unit.where()
            + " is DeviceComplete, which locks "
            + action
            + " unless the unit holds one of the capabilities "
            + Arrays.asList(enabledBy)
            + "; do this before setting DeviceComplete");
  }

  /** Refuses to answer what a DeviceComplete unit no longer reports (images, OS, Wi-Fi). */
  void requireAnswers(String question) {
    requireAllowed(
        "answering " + question, AzureSphereOs.FIELD_SERVICING, AzureSphereOs.APP_DEVELOPMENT);
  }

  synchronized String ipAddress() {
    int n = Math.max(1, unit.slotNumber());
    return "192.168.35." + (2 + Math.floorMod(n - 1 + 53L * reboots, 253));
  }

  synchronized void rebooted() {
    reboots++;
    ethernetUp =
        images.values().stream()
            .anyMatch(image -> image.installed().type() == ImageType.BOARD_CONFIG);
  }

  private boolean ethernetLinkUp() {
    unit.beginUninterruptibly("ethernet");
    synchronized (this) {
      return ethernetUp;
    }
  }

  private synchronized Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("chip", "MT3620AN");
    for (StoredImage image : images.values()) {
      if (!image.version().isEmpty()) {
        versions.put(image.installed().name(), image.version());
      }
    }
    return versions;
  }

  private synchronized ConsoleReply reply(String command) {
    boolean applicationRunning =
        images.values().stream()
            .anyMatch(image -> image.installed().type() == ImageType.APPLICATION);
    if (!applicationRunning) {
      return ConsoleReply.silent(
          "no application is installed to answer the console; install the functional test "
              + "application first");
    }
    return switch (command) {
      case "help" -> ConsoleReply.text("commands: help, ping, selftest, deviceid");
      case "ping" -> ConsoleReply.text("pong");
      case "selftest" -> ConsoleReply.text("PASS");
      case "deviceid" -> ConsoleReply.text(deviceId);
      default -> ConsoleReply.text("ERROR unknown command '" + command + "'; try help");
    };
  }
}
