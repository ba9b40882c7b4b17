package io.shipready.device.sim.particle;

import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Settings;
import io.shipready.device.sim.CommandConsole;
import io.shipready.device.sim.ConsoleReply;
import io.shipready.device.sim.Derivation;
import io.shipready.device.sim.Digits;
import io.shipready.device.sim.FamilyModel;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.FaultChecks;
import io.shipready.device.sim.FixtureSensors;
import io.shipready.device.sim.FlashRegions;
import io.shipready.device.sim.Luhn;
import io.shipready.device.sim.Nominal;
import io.shipready.device.sim.PrintedMarkings;
import io.shipready.device.sim.RadioReceiver;
import io.shipready.device.sim.Rebooter;
import io.shipready.device.sim.SimUnit;
import io.shipready.device.sim.StoredSettings;
import io.shipready.device.sim.UnitIdentity;
import io.shipready.device.sim.Versions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated Particle-like Gen 3 cellular unit with an NCP (a Tracker SoM): SWD flash regions
 * {@code bootloader}, {@code softdevice}, {@code system} (Device OS), {@code user} (application)
 * and {@code ncp} (the ESP32 network co-processor).
 *
 * <p>Markings: {@code serial} is the serial sticker's data matrix, the serial ({@code P046AA} and
 * seven digits), a space and the 15-character mobile secret; {@code component:PCB} (carrier board,
 * {@code PCB-} and 8 digits), {@code component:J1} (cellular antenna on the U.FL connector, {@code
 * ANT-} and 8 digits) and {@code component:BT1} (battery pack, {@code BAT-} and 8 digits) are the
 * barcodes of the parts a genealogy scan links to the unit.
 *
 * <p>Identity: {@code device_id} (24 lowercase hex), {@code serial}, {@code imei} (15 digits, Luhn
 * checked), {@code iccid} (20 digits starting 89, Luhn checked). Versions: {@code board}, {@code
 * ncp} (factory {@value #NCP_FACTORY_VERSION} until the ncp region is flashed) and each flashed
 * region's version ({@code system} is the Device OS version).
 *
 * <p>Setup done: the unit boots into listening mode unless setting {@code setup_done} is {@code 1};
 * in listening mode the console answers every command with {@code LISTENING}. Setting the flag
 * counts at the next reboot.
 *
 * <p>Console commands (normal mode): {@code help}, {@code ping} (pong), {@code version} (Device OS
 * version, or {@code none}), {@code identify} (device_id, imei, iccid as {@code key=value} lines),
 * {@code mode} (NORMAL), {@code selftest}: {@code PASS}, or {@code FAIL} and why, when the user
 * region is empty (the tests live in the manufacturing test firmware) or when Device OS 3.0.0 or
 * later runs with an NCP older than {@value #NCP_MINIMUM_FOR_OS3}.
 *
 * <p>The NCP is not on the SWD bus: it is updated over USB in listening mode ({@link
 * UsbNcpProgrammer}). A unit running its firmware connects to the cloud after a delay of its own
 * ({@link ParticleCloud}); fault {@code Unresponsive("cloud")} keeps it connecting for ever.
 */
public final class ParticleUnit implements FamilyModel {
  public static final List<String> REGIONS =
      List.of("bootloader", "softdevice", "system", "user", "ncp");
  static final String SETUP_DONE = "setup_done";
  public static final String NCP_FACTORY_VERSION = "0.0.5";
  static final String NCP_MINIMUM_FOR_OS3 = "0.0.7";
  static final String BOARD_VERSION = "T404 v1.1";
  static final Duration BOOT_TIME = Duration.ofSeconds(2);

  /** Meters on the fixture: supply V, current mA (modem idle), temperature, battery V. */
  static final Map<String, Nominal> SENSORS =
      Map.of(
          "supply_voltage", new Nominal(3.30, 0.02, 3),
          "current_ma", new Nominal(45, 3, 1),
          "temperature_c", new Nominal(25, 1, 1),
          "battery_voltage", new Nominal(3.90, 0.03, 3));

  static final Map<Radio.Band, Nominal> RADIO =
      Map.of(
          Radio.Band.CELLULAR, new Nominal(-75, 3, 0),
          Radio.Band.BLE, new Nominal(-55, 2.5, 0));

  private static final FaultChecks CHECKS =
      new FaultChecks(
          ParticleFamily.NAME,
          REGIONS,
          SENSORS.keySet(),
          RADIO.keySet(),
          FaultChecks.commonAnd(
              "flash", "readback", "settings", "markings", ParticleCloud.OPERATION),
          false,
          false);

  private static final String SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final SimUnit unit;
  private final String serial;
  private final String deviceId;
  private final String imei;
  private final String iccid;
  private final FlashRegions flash;
  private final StoredSettings settings;
  private final UnitIdentity identity;
  private boolean listening; // guarded by this
  private final Map<Class<? extends Capability>, Capability> capabilityMap;

  ParticleUnit(SimUnit unit) {
    this.unit = unit;
    Derivation d = unit.derivation();
    this.serial = Digits.padded("P046AA", unit.sequential("serial", 10_000_000), 7);
    StringBuilder secret = new StringBuilder();
    byte[] secretBytes = d.bytes(unit.label("mobile_secret"), 15);
    for (byte b : secretBytes) {
      secret.append(SECRET_ALPHABET.charAt((b & 0xFF) % SECRET_ALPHABET.length()));
    }
    this.deviceId = d.hex(unit.label("device_id"), 24);
    this.imei =
        Luhn.withCheckDigit(
            Digits.padded("35", d.below("particle/imei-tac", 1_000_000), 6)
                + Digits.padded("", unit.sequential("imei", 1_000_000), 6));
    this.iccid =
        Luhn.withCheckDigit(
            Digits.padded("893144", unit.sequential("iccid", 10_000_000_000_000L), 13));
    this.flash = new FlashRegions(unit, REGIONS);
    this.settings = new StoredSettings(unit);
    this.listening = true;

    Map<String, String> markings = new LinkedHashMap<>();
    markings.put("serial", serial + " " + secret);
    markings.put("component:PCB", Digits.padded("PCB-", unit.sequential("pcb", 100_000_000), 8));
    markings.put("component:J1", Digits.padded("ANT-", unit.sequential("antenna", 100_000_000), 8));
    markings.put(
        "component:BT1", Digits.padded("BAT-", unit.sequential("battery", 100_000_000), 8));

    this.identity =
        new UnitIdentity(
            unit,
            List.of(
                new Identifier(Identifier.DEVICE_ID, deviceId),
                new Identifier(Identifier.SERIAL, serial),
                new Identifier(Identifier.IMEI, imei),
                new Identifier(Identifier.ICCID, iccid)),
            this::versions);
    Map<Class<? extends Capability>, Capability> caps = new LinkedHashMap<>();
    caps.put(Markings.class, new PrintedMarkings(unit, markings));
    caps.put(Identity.class, identity);
    caps.put(
        Programmer.class,
        new UsbNcpProgrammer(
            flash,
            new UsbNcpProgrammer.Modes() {
              @Override
              public void startListening() {
                setListening(true);
              }

              @Override
              public void resetAfterUpdate() {
                rebooted();
              }
            }));
    caps.put(CloudConnection.class, new ParticleCloud(unit, this::runsFirmware));
    caps.put(Settings.class, settings);
    caps.put(Sensors.class, new FixtureSensors(unit, SENSORS));
    caps.put(Radio.class, new RadioReceiver(unit, RADIO, band -> Optional.empty()));
    caps.put(Console.class, new CommandConsole(unit, this::reply));
    caps.put(Power.class, new Rebooter(unit, BOOT_TIME, this::rebooted));
    this.capabilityMap = Map.copyOf(caps);
  }

  @Override
  public Map<Class<? extends Capability>, Capability> capabilities() {
    return capabilityMap;
  }

  @Override
  public void accept(Fault fault) {
    CHECKS.requireFits(fault);
  }

  private synchronized void setListening(boolean value) {
    listening = value;
  }

  /** Device OS runs the application: not in listening mode, and Device OS is flashed. */
  private synchronized boolean runsFirmware() {
    return !listening && flash.holdsImage("system");
  }

  private synchronized void rebooted() {
    listening = !settings.stored(SETUP_DONE).map("1"::equals).orElse(false);
  }

  private Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("board", BOARD_VERSION);
    versions.put("ncp", NCP_FACTORY_VERSION);
    versions.putAll(flash.versions());
    return versions;
  }

  private ConsoleReply reply(String command) {
    synchronized (this) {
      if (listening) {
        return ConsoleReply.text("LISTENING");
      }
    }
    return switch (command) {
      case "help" -> ConsoleReply.text("commands: help, ping, version, identify, mode, selftest");
      case "ping" -> ConsoleReply.text("pong");
      case "version" -> ConsoleReply.text(flash.storedVersion("system").orElse("none"));
      case "identify" ->
          ConsoleReply.text("device_id=" + deviceId + "\nimei=" + imei + "\niccid=" + iccid);
      case "mode" -> ConsoleReply.text("NORMAL");
      case "selftest" -> ConsoleReply.text(selftest());
      default -> ConsoleReply.text("ERROR unknown command '" + command + "'; try help");
    };
  }

  private String selftest() {
    if (!flash.holdsImage("user")) {
      return "FAIL no user firmware: flash the manufacturing test firmware to the user region";
    }
    Optional<String> os = flash.storedVersion("system");
    String ncp = flash.storedVersion("ncp").orElse(NCP_FACTORY_VERSION);
    if (os.isPresent()
        && Versions.atLeast(os.get(), "3.0.0")
        && !Versions.atLeast(ncp, NCP_MINIMUM_FOR_OS3)) {
      return "FAIL NCP firmware "
          + ncp
          + " is too old for Device OS "
          + os.get()
          + ": flash NCP "
          + NCP_MINIMUM_FOR_OS3
          + " or later to the ncp region";
    }
    return "PASS";
  }
}
