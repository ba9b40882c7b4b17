package io.shipready.device.tools.esptool;

import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.tools.RegionAddresses;
import io.shipready.device.tools.ToolDevice;
import io.shipready.device.tools.ToolDevices;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.ToolSlot;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code esptool} driver: an Espressif chip on a serial port, programmed and identified (its
 * MAC address) with esptool. Keys: {@code family}, {@code port} (both required), {@code chip}
 * (auto), {@code baud} (460800), {@code regions} ({@code {name: address}}), {@code timeout_s}
 * (120).
 */
public final class EsptoolDriver implements DeviceDriver {
  @Override
  public String name() {
    return EsptoolProgrammer.TOOL;
  }

  @Override
  public String description() {
    return "an Espressif chip on a serial port, programmed and identified with esptool";
  }

  @Override
  public ToolSlot bind(SlotSettings settings) {
    String family = settings.string("family");
    String port = settings.string("port");
    String chip = settings.optionalString("chip", "auto");
    int baud = settings.number("baud", 460800);
    Duration timeout = ToolDevices.timeout(settings, Duration.ofMinutes(2));
    RegionAddresses regions = ToolDevices.regions(settings);
    EsptoolSettings esptool;
    try {
      esptool = new EsptoolSettings(chip, port, baud, timeout);
    } catch (IllegalArgumentException bad) {
      throw settings.error("baud", "is wrong: " + bad.getMessage() + "; 115200 is always safe");
    }
    ToolRunner runner = ToolDevices.runner(settings);
    String slot = settings.slot();
    return new ToolSlot(
        Set.of(Programmer.class, Identity.class),
        () -> {
          EsptoolProgrammer programmer = new EsptoolProgrammer(runner, esptool, regions);
          return ToolDevice.builder(slot, family)
              .with(Programmer.class, programmer)
              .with(Identity.class, programmer)
              .build();
        });
  }
}
