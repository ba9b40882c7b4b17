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
 * The {@code nrfjprog} driver: a Nordic chip on a J-Link, programmed with nrfjprog; on nRF51 and
 * nRF52 chips it also reads the chip's device id and MAC from its FICR (Identity). Keys: {@code
 * family}, {@code probe} (the J-Link's serial number) (both required), {@code nrf_family} (NRF52),
 * {@code regions} ({@code {name: address}}), {@code timeout_s} (120).
 */
public final class NrfjprogDriver implements DeviceDriver {
  @Override
  public String name() {
    return NrfjprogProgrammer.TOOL;
  }

  @Override
  public String description() {
    return "a Nordic chip on a J-Link probe, programmed with nrfjprog";
  }

  @Override
  public ToolSlot bind(SlotSettings settings) {
    String family = settings.string("family");
    String probe = settings.string("probe");
    String nrfFamily = settings.optionalString("nrf_family", "NRF52");
    RegionAddresses regions = ToolDevices.regions(settings);
    Duration timeout = ToolDevices.timeout(settings, Duration.ofMinutes(2));
    ToolRunner runner = ToolDevices.runner(settings);
    if (!Ficr.knows(nrfFamily)) {
      return ToolSlot.programmer(
          settings.slot(),
          family,
          () -> new NrfjprogProgrammer(runner, nrfFamily, probe, regions, timeout));
    }
    return new ToolSlot(
        Set.of(Programmer.class, Identity.class),
        () ->
            ToolDevice.builder(settings.slot(), family)
                .with(
                    Programmer.class,
                    new NrfjprogProgrammer(runner, nrfFamily, probe, regions, timeout))
                .with(Identity.class, new NrfjprogChip(runner, nrfFamily, probe, timeout))
                .build());
  }
}
