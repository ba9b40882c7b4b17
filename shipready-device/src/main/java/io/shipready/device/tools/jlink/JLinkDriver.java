package io.shipready.device.tools.jlink;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.tools.RegionAddresses;
import io.shipready.device.tools.ToolDevice;
import io.shipready.device.tools.ToolDevices;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.ToolSlot;
import io.shipready.device.tools.nrf.Ficr;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code jlink} driver: a chip on a SEGGER J-Link, programmed with J-Link Commander; it
 * measures the target voltage on the probe's VTref pin ({@code target_voltage}, Sensors) and, on
 * nRF51 and nRF52 chips, reads the device id and MAC from the chip's FICR (Identity). Keys: {@code
 * family}, {@code probe} (the J-Link's serial number), {@code device} (e.g. NRF52840_XXAA) (all
 * required), {@code interface} (SWD or JTAG), {@code speed_khz} (4000), {@code regions} ({@code
 * {name: address}}), {@code timeout_s} (120).
 */
public final class JLinkDriver implements DeviceDriver {
  @Override
  public String name() {
    return JLinkCommanderProgrammer.TOOL;
  }

  @Override
  public String description() {
    return "a chip on a SEGGER J-Link probe, programmed with J-Link Commander";
  }

  @Override
  public ToolSlot bind(SlotSettings settings) {
    String family = settings.string("family");
    String probe = settings.string("probe");
    String device = settings.string("device");
    String targetInterface = settings.optionalString("interface", "SWD");
    int speed = settings.number("speed_khz", 4000);
    Duration timeout = ToolDevices.timeout(settings, Duration.ofMinutes(2));
    RegionAddresses regions = ToolDevices.regions(settings);
    JLinkSettings jlink;
    try {
      jlink = new JLinkSettings(device, probe, targetInterface, speed, timeout);
    } catch (IllegalArgumentException bad) {
      throw settings.error(
          bad.getMessage().contains("interface") ? "interface" : "speed_khz",
          "is wrong: " + bad.getMessage());
    }
    ToolRunner runner = ToolDevices.runner(settings);
    // Nordic chips tell their device id and MAC from the FICR; any chip's VTref is measured.
    Set<Class<? extends Capability>> capabilities =
        Ficr.knows(device)
            ? Set.of(Programmer.class, Identity.class, Sensors.class)
            : Set.of(Programmer.class, Sensors.class);
    return new ToolSlot(
        capabilities,
        () -> {
          JLinkChip chip = new JLinkChip(runner, jlink);
          ToolDevice.Builder unit =
              ToolDevice.builder(settings.slot(), family)
                  .with(Programmer.class, new JLinkCommanderProgrammer(runner, jlink, regions))
                  .with(Sensors.class, chip);
          if (capabilities.contains(Identity.class)) {
            unit.with(Identity.class, chip);
          }
          return unit.build();
        });
  }
}
