package io.shipready.device.tools.azsphere;

import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.tools.ToolDevices;
import io.shipready.device.tools.ToolSlot;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code azsphere} driver: an Azure Sphere chip at a connection path or IP address ({@code
 * device}), driven by the azsphere command line. Each unit is looked up in {@code list-attached}
 * when it is attached. Keys: {@code device} (required), {@code timeout_s} (60), {@code
 * recover_timeout_s} (900).
 */
public final class AzsphereDriver implements DeviceDriver {
  @Override
  public String name() {
    return AzsphereCli.TOOL;
  }

  @Override
  public String description() {
    return "an Azure Sphere chip through the azsphere command line, by connection path or IP";
  }

  @Override
  public ToolSlot bind(SlotSettings settings) {
    String target = settings.string("device");
    Duration command = ToolDevices.timeout(settings, AzsphereSettings.DEFAULTS.command());
    Duration recover = settings.seconds("recover_timeout_s", AzsphereSettings.DEFAULTS.recover());
    Duration sideload =
        AzsphereSettings.DEFAULTS.sideload().compareTo(command) >= 0
            ? AzsphereSettings.DEFAULTS.sideload()
            : command;
    AzsphereCli cli =
        new AzsphereCli(
            ToolDevices.runner(settings), new AzsphereSettings(command, sideload, recover));
    String slot = settings.slot();
    return new ToolSlot(
        Set.of(
            Identity.class,
            ConnectionInfo.class,
            ImageStore.class,
            Recovery.class,
            ManufacturingStates.class),
        () -> AzsphereDevice.attach(cli, slot, target));
  }
}
