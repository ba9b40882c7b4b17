package io.shipready.device.tools;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.Identity;
import io.shipready.core.device.Programmer;
import io.shipready.device.tools.azsphere.AzsphereCli;
import io.shipready.device.tools.azsphere.AzsphereDevice;
import io.shipready.device.tools.azsphere.AzsphereSettings;
import io.shipready.device.tools.esptool.EsptoolProgrammer;
import io.shipready.device.tools.esptool.EsptoolSettings;
import io.shipready.device.tools.jlink.JLinkCommanderProgrammer;
import io.shipready.device.tools.jlink.JLinkSettings;
import io.shipready.device.tools.nrf.NrfjprogProgrammer;
import io.shipready.device.tools.nrf.NrfutilProgrammer;
import io.shipready.device.tools.openocd.OpenOcdProgrammer;
import io.shipready.device.tools.particle.ParticleCli;
import io.shipready.device.tools.particle.ParticleCliDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the device in a slot from the slot's settings in the station configuration: which driver,
 * and how it reaches the unit. Every slot names its own unit (connection path, serial port, probe
 * serial); none is left to "the only device attached".
 *
 * <pre>{@code
 * tools:                          # optional: where the vendor tools are, when not on the PATH
 *   azsphere: /opt/azurespheresdk/Tools_v2/azsphere
 * slots:
 *   slot-1: {driver: azsphere, device: "21143"}           # connection path or IP address
 *   slot-2: {driver: particle, port: /dev/ttyACM0}
 *   slot-3: {driver: jlink, family: afero-asr, probe: "683012345", device: NRF52840_XXAA,
 *            interface: SWD, speed_khz: 4000, regions: {bootloader: 0x0, app: 0x27000}}
 *   slot-4: {driver: nrfjprog, family: particle, probe: "683012346", nrf_family: NRF52}
 *   slot-5: {driver: nrfutil, family: particle, probe: "683012347"}
 *   slot-6: {driver: openocd, family: afero-asr, probe: E6616407E3646B29,
 *            config: [interface/cmsis-dap.cfg, target/nrf52.cfg], regions: {app: 0x27000}}
 *   slot-7: {driver: esptool, family: my-product, port: /dev/ttyUSB0, chip: esp32,
 *            baud: 460800, regions: {app: 0x10000}}
 * }</pre>
 *
 * Every driver also takes {@code timeout_s}, the limit for one tool run.
 */
public final class ToolDevices {
  /** The driver names a slot's {@code driver} setting takes. */
  public static final List<String> DRIVERS =
      List.of("azsphere", "particle", "jlink", "nrfjprog", "nrfutil", "openocd", "esptool");

  private ToolDevices() {}

  /**
   * The locator for this station: the environment's settings, overridden by the configuration's
   * {@code tools:} block (tool name to executable path).
   */
  public static ToolLocator locator(Map<String, ?> tools) {
    ToolLocator locator = ToolLocator.fromEnvironment();
    for (Map.Entry<String, ?> entry : tools.entrySet()) {
      if (entry.getValue() == null || String.valueOf(entry.getValue()).isBlank()) {
        throw new ShipreadyException("tools." + entry.getKey() + " is empty; give the tool's path");
      }
      locator = locator.with(entry.getKey(), Path.of(String.valueOf(entry.getValue())));
    }
    return locator;
  }

  /**
   * The device in a slot.
   *
   * @throws ShipreadyException naming the slot and key when a setting is missing, misspelt or not
   *     usable
   * @throws io.shipready.core.device.DeviceException when the driver must reach the device to
   *     attach (azsphere looks the slot's device up) and cannot
   */
  public static ToolDevice forSlot(String slot, Map<String, ?> config, ToolRunner runner)
      throws InterruptedException {
    requireNonNull(runner, "runner");
    SlotSettings settings = new SlotSettings(slot, config);
    String driver = settings.string("driver");
    ToolDevice device =
        switch (driver) {
          case "azsphere" -> azsphere(settings, runner);
          case "particle" -> particle(settings, runner);
          case "jlink", "nrfjprog", "nrfutil", "openocd" -> programmer(driver, settings, runner);
          case "esptool" -> esptool(settings, runner);
          default -> throw settings.error("driver", "is '" + driver + "'; use one of " + DRIVERS);
        };
    return device;
  }

  private static ToolDevice azsphere(SlotSettings settings, ToolRunner runner)
      throws InterruptedException {
    String target = settings.string("device");
    Duration command = settings.seconds("timeout_s", AzsphereSettings.DEFAULTS.command());
    Duration recover = settings.seconds("recover_timeout_s", AzsphereSettings.DEFAULTS.recover());
    settings.rejectUnknownKeys();
    AzsphereCli cli =
        new AzsphereCli(
            runner,
            new AzsphereSettings(
                command, longer(AzsphereSettings.DEFAULTS.sideload(), command), recover));
    return AzsphereDevice.attach(cli, settings.slot(), target);
  }

  private static ToolDevice particle(SlotSettings settings, ToolRunner runner) {
    String port = settings.string("port");
    Duration timeout = settings.seconds("timeout_s", Duration.ofMinutes(4));
    settings.rejectUnknownKeys();
    return ParticleCliDevice.create(
        new ParticleCli(runner, shorter(Duration.ofSeconds(30), timeout), timeout),
        settings.slot(),
        port);
  }

  private static ToolDevice programmer(String driver, SlotSettings settings, ToolRunner runner) {
    String family = settings.string("family");
    String probe = settings.string("probe");
    Duration timeout = settings.seconds("timeout_s", Duration.ofMinutes(2));
    RegionAddresses regions = settings.regions();
    Programmer programmer =
        switch (driver) {
          case "jlink" ->
              new JLinkCommanderProgrammer(
                  runner,
                  new JLinkSettings(
                      settings.string("device"),
                      probe,
                      settings.optionalString("interface", "SWD"),
                      settings.number("speed_khz", 4000),
                      timeout),
                  regions);
          case "nrfjprog" ->
              new NrfjprogProgrammer(
                  runner, settings.optionalString("nrf_family", "NRF52"), probe, regions, timeout);
          case "nrfutil" -> new NrfutilProgrammer(runner, probe, regions, timeout);
          default ->
              new OpenOcdProgrammer(runner, settings.strings("config"), probe, regions, timeout);
        };
    settings.rejectUnknownKeys();
    return ToolDevice.builder(settings.slot(), family).with(Programmer.class, programmer).build();
  }

  private static ToolDevice esptool(SlotSettings settings, ToolRunner runner) {
    String family = settings.string("family");
    EsptoolSettings esptool =
        new EsptoolSettings(
            settings.optionalString("chip", "auto"),
            settings.string("port"),
            settings.number("baud", 460800),
            settings.seconds("timeout_s", Duration.ofMinutes(2)));
    RegionAddresses regions = settings.regions();
    settings.rejectUnknownKeys();
    EsptoolProgrammer programmer = new EsptoolProgrammer(runner, esptool, regions);
    return ToolDevice.builder(settings.slot(), family)
        .with(Programmer.class, programmer)
        .with(Identity.class, programmer)
        .build();
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
