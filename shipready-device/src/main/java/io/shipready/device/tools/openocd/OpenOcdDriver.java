package io.shipready.device.tools.openocd;

import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.tools.RegionAddresses;
import io.shipready.device.tools.ToolDevices;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.ToolSlot;
import java.time.Duration;
import java.util.List;

/**
 * The {@code openocd} driver: a chip on any adapter OpenOCD drives (CMSIS-DAP, ST-Link, J-Link...),
 * programmed with {@code program ... verify}. Keys: {@code family}, {@code probe} (the adapter's
 * serial), {@code config} (the OpenOCD config files, e.g. [interface/cmsis-dap.cfg,
 * target/nrf52.cfg]) (all required), {@code regions} ({@code {name: address}}), {@code timeout_s}
 * (120).
 */
public final class OpenOcdDriver implements DeviceDriver {
  @Override
  public String name() {
    return OpenOcdProgrammer.TOOL;
  }

  @Override
  public String description() {
    return "a chip on a debug adapter OpenOCD drives, programmed and verified by OpenOCD";
  }

  @Override
  public ToolSlot bind(SlotSettings settings) {
    String family = settings.string("family");
    String probe = settings.string("probe");
    List<String> config = settings.strings("config");
    RegionAddresses regions = ToolDevices.regions(settings);
    Duration timeout = ToolDevices.timeout(settings, Duration.ofMinutes(2));
    ToolRunner runner = ToolDevices.runner(settings);
    return ToolSlot.programmer(
        settings.slot(),
        family,
        () -> new OpenOcdProgrammer(runner, config, probe, regions, timeout));
  }
}
