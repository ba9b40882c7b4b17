package io.shipready.device.tools.nrf;

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
 * The {@code nrfutil} driver: a Nordic chip on a J-Link, programmed with nRF Util; on nRF51 and
 * nRF52 chips it also reads the chip's device id and MAC from its FICR (Identity). Keys: {@code
 * family}, {@code probe} (the J-Link's serial number) (both required), {@code nrf_family} (NRF52),
 * {@code regions} ({@code {name: address}}), {@code timeout_s} (120).
 */
public final class NrfutilDriver implements DeviceDriver {
  @Override
  public String name() {
    return NrfutilProgrammer.TOOL;
  }

  @Override
  public String description() {
    return "a Nordic chip on a J-Link probe, programmed with nRF Util";
  }

  @Override
  public ToolSlot bind(SlotSettings settings) {
    String family = settings.string("family");
    String probe = settings.string("probe");
    RegionAddresses regions = ToolDevices.regions(settings);
    Duration timeout = ToolDevices.timeout(settings, Duration.ofMinutes(2));
    ToolRunner runner = ToolDevices.runner(settings);
    String nrfFamily = settings.optionalString("nrf_family", "NRF52");
    if (!Ficr.knows(nrfFamily)) {
      return ToolSlot.programmer(
          settings.slot(), family, () -> new NrfutilProgrammer(runner, probe, regions, timeout));
    }
    return new ToolSlot(
        Set.of(Programmer.class, Identity.class),
        () ->
            ToolDevice.builder(settings.slot(), family)
                .with(Programmer.class, new NrfutilProgrammer(runner, probe, regions, timeout))
                .with(Identity.class, new NrfutilChip(runner, probe, timeout))
                .build());
  }
}
