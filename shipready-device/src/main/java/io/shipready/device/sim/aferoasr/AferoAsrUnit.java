package io.shipready.device.sim.aferoasr;

import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.FixturePower;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.device.sim.CommandConsole;
import io.shipready.device.sim.ConsoleReply;
import io.shipready.device.sim.Derivation;
import io.shipready.device.sim.FamilyModel;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.FaultChecks;
import io.shipready.device.sim.FixtureSensors;
import io.shipready.device.sim.FlashRegions;
import io.shipready.device.sim.MacAddress;
import io.shipready.device.sim.Nominal;
import io.shipready.device.sim.RadioReceiver;
import io.shipready.device.sim.Rebooter;
import io.shipready.device.sim.SimSupply;
import io.shipready.device.sim.SimUnit;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.UnitIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated Afero-ASR-like module, programmed over SWD: flash regions {@code bootloader}, {@code
 * profile}, {@code app} and, on Wi-Fi modules ({@link SimulationSettings#aferoWifiModule()}),
 * {@code wifi}.
 *
 * <p>Identity: {@code device_id} (16 uppercase hex), {@code association_id} (24 uppercase hex),
 * {@code company_code} (4 uppercase hex, the same for every unit of a fleet), {@code ble_mac} and,
 * on Wi-Fi modules, {@code wifi_mac}. Versions: each flashed region's version.
 *
 * <p>Radio: BLE once the app region holds firmware (that is what advertises); Wi-Fi (modules with
 * Wi-Fi) once the wifi region is flashed and the module is in factory test mode, entered with the
 * console command {@code ftm} and left by a reboot.
 *
 * <p>Console (answered only once the app region is flashed; a blank module is silent): {@code
 * help}, {@code ping} (pong), {@code version} (app version), {@code ids} (every identifier, one
 * line of {@code key=value} pairs: device_id, association_id, company_code, ble_mac, wifi_mac),
 * {@code selftest} (PASS), {@code ftm} (enters factory test mode: {@code FTM ON}).
 */
public final class AferoAsrUnit implements FamilyModel {
  static final List<String> BLE_REGIONS = List.of("bootloader", "profile", "app");
  static final List<String> WIFI_REGIONS = List.of("bootloader", "profile", "app", "wifi");
  static final Duration BOOT_TIME = Duration.ofSeconds(1);
  static final String COMPANY_CODE = "company_code";

  /**
   * Meters on the fixture (which supplies 2.4 to 3.5 V): supply V, current mA, temperature, and the
   * J-Link's VTref reading of the same supply.
   */
  static final Map<String, Nominal> SENSORS =
      Map.of(
          "supply_voltage", new Nominal(3.30, 0.02, 3),
          "target_voltage", new Nominal(3.30, 0.02, 3),
          "current_ma", new Nominal(12, 0.8, 1),
          "temperature_c", new Nominal(25, 1, 1));

  static final Nominal BLE_RSSI = new Nominal(-55, 2.5, 0);
  static final Nominal WIFI_RSSI = new Nominal(-50, 2.5, 0);

  private final SimUnit unit;
  private final boolean wifiModule;
  private final String deviceId;
  private final String associationId;
  private final FlashRegions flash;
  private final Map<Radio.Band, Nominal> bands;
  private final FaultChecks checks;
  private final List<Identifier> identifiers;
  private boolean factoryTestMode; // guarded by this
  private volatile boolean wrongLabel;
  private final Map<Class<? extends Capability>, Capability> capabilityMap;

  AferoAsrUnit(SimUnit unit) {
    this.unit = unit;
    this.wifiModule = unit.settings().aferoWifiModule();
    Derivation d = unit.derivation();
    this.deviceId = d.hex(unit.label("device_id"), 16).toUpperCase(Locale.ROOT);
    this.associationId = d.hex(unit.label("association_id"), 24).toUpperCase(Locale.ROOT);
    String companyCode = d.hex("afero-asr/company_code", 4).toUpperCase(Locale.ROOT);
    // A static random BLE address: the two top bits of the first byte are set.
    String bleMac = MacAddress.of(0xC0 | 0x2A, 0xF0, unit.sequential("ble_mac", 1L << 32));
    this.flash = new FlashRegions(unit, wifiModule ? WIFI_REGIONS : BLE_REGIONS);
    this.bands =
        wifiModule
            ? Map.of(Radio.Band.BLE, BLE_RSSI, Radio.Band.WIFI, WIFI_RSSI)
            : Map.of(Radio.Band.BLE, BLE_RSSI);

    this.checks =
        new FaultChecks(
            AferoAsrFamily.NAME,
            flash.regions(),
            SENSORS.keySet(),
            bands.keySet(),
            FaultChecks.commonAnd("flash", "readback", "markings"),
            false,
            true);

    List<Identifier> identifiers = new ArrayList<>();
    identifiers.add(new Identifier(Identifier.DEVICE_ID, deviceId));
    identifiers.add(new Identifier(Identifier.ASSOCIATION_ID, associationId));
    identifiers.add(new Identifier(COMPANY_CODE, companyCode));
    identifiers.add(new Identifier(Identifier.BLE_MAC, bleMac));
    if (wifiModule) {
      String wifiMac = MacAddress.of(0x02, 0xAF, unit.sequential("wifi_mac", 1L << 32));
      identifiers.add(new Identifier(Identifier.WIFI_MAC, wifiMac));
    }
    this.identifiers = List.copyOf(identifiers);
    Map<Class<? extends Capability>, Capability> caps = new LinkedHashMap<>();
    caps.put(Identity.class, new UnitIdentity(unit, identifiers, flash::versions));
    caps.put(Programmer.class, flash);
    caps.put(Radio.class, new RadioReceiver(unit, bands, this::silentBecause));
    // The programming fixture feeds VDD 2.4 to 3.5 V; the validation fixture 12 V DC.
    SimSupply supply = new SimSupply(unit, 12);
    caps.put(Sensors.class, new FixtureSensors(unit, SENSORS, supply));
    caps.put(Console.class, new CommandConsole(unit, this::reply));
    caps.put(Power.class, new Rebooter(unit, BOOT_TIME, this::rebooted));
    caps.put(FixturePower.class, supply);
    caps.put(Markings.class, (Markings) this::marking);
    this.capabilityMap = Map.copyOf(caps);
  }

  @Override
  public Map<Class<? extends Capability>, Capability> capabilities() {
    return capabilityMap;
  }

  @Override
  public void accept(Fault fault) {
    checks.requireFits(fault);
    if (fault instanceof Fault.WrongLabel) {
      wrongLabel = true;
    }
  }

  /**
   * The module's QR label, as the programming station printed it: {@code 1:<association id>:<device
   * id>}. A unit with a swapped label shows another unit's ids.
   */
  private Optional<String> marking(String name) {
    if (!name.equals("qr")) {
      return Optional.empty();
    }
    unit.beginUninterruptibly("markings");
    if (wrongLabel) {
      Derivation d = unit.derivation();
      return Optional.of(
          "1:"
              + d.hex(unit.label("association_id") + "/swapped", 24).toUpperCase(Locale.ROOT)
              + ":"
              + d.hex(unit.label("device_id") + "/swapped", 16).toUpperCase(Locale.ROOT));
    }
    return Optional.of("1:" + associationId + ":" + deviceId);
  }

  /** The {@code ids} reply: every identifier, one line of {@code key=value} pairs. */
  private String idsLine() {
    StringBuilder line = new StringBuilder();
    for (Identifier id : identifiers) {
      line.append(line.length() == 0 ? "" : " ").append(id.kind()).append('=').append(id.value());
    }
    return line.toString();
  }

  private synchronized void rebooted() {
    factoryTestMode = false;
  }

  private Optional<String> silentBecause(Radio.Band band) {
    if (band == Radio.Band.BLE && !flash.holdsImage("app")) {
      return Optional.of("the module does not advertise before its app region is flashed");
    }
    if (band == Radio.Band.WIFI) {
      if (!flash.holdsImage("wifi")) {
        return Optional.of("its Wi-Fi chip has no firmware; flash the wifi region first");
      }
      synchronized (this) {
        if (!factoryTestMode) {
          return Optional.of(
              "its Wi-Fi access point is up only in factory test mode; send console command ftm");
        }
      }
    }
    return Optional.empty();
  }

  private ConsoleReply reply(String command) {
    if (!flash.holdsImage("app")) {
      return ConsoleReply.silent("the app region is empty, nothing runs to answer; flash it first");
    }
    return switch (command) {
      case "help" -> ConsoleReply.text("commands: help, ping, version, ids, selftest, ftm");
      case "ping" -> ConsoleReply.text("pong");
      case "version" -> ConsoleReply.text(flash.storedVersion("app").orElse("unknown"));
      case "ids" -> ConsoleReply.text(idsLine());
      case "selftest" -> ConsoleReply.text("PASS");
      case "ftm" -> {
        synchronized (this) {
          factoryTestMode = true;
        }
        yield ConsoleReply.text("FTM ON");
      }
      default -> ConsoleReply.text("ERROR unknown command '" + command + "'; try help");
    };
  }
}
