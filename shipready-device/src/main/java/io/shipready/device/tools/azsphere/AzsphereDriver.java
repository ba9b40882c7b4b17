package io.shipready.device.tools.azsphere;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.SlotSettings;
import io.shipready.core.spi.Wifi;
import io.shipready.device.tools.ToolDevices;
import io.shipready.device.tools.ToolLocator;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.ToolSlot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code azsphere} driver: an Azure Sphere chip at a connection path or IP address ({@code
 * device}), driven by the azsphere command line. Each unit is looked up in {@code list-attached}
 * when it is attached. Keys: {@code device} (required), {@code cli} ({@code azsphere}, or {@code
 * az} for the Azure CLI's {@code az sphere} extension), {@code output} ({@code json}, {@code table}
 * or {@code classic} for releases without {@code --output}), {@code timeout_s} (60), {@code
 * recover_timeout_s} (900), {@code rf_tool} (none: {@code {path: <the factory's RF settings tool>,
 * timeout_s: 60}}, which gives the unit its e-fuses; a relative path is taken from the slot map's
 * folder).
 */
public final class AzsphereDriver implements DeviceDriver {
  @Override
  public String name() {
    return AzsphereCli.TOOL;
  }

  @Override
  public List<String> families() {
    return List.of(AzsphereDevice.FAMILY);
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
    AzsphereSettings.Cli which;
    AzsphereSettings.Layout layout;
    try {
      which = AzsphereSettings.Cli.parse(settings.optionalString("cli", "azsphere"));
    } catch (IllegalArgumentException bad) {
      throw settings.error("cli", "is not azsphere or az: " + bad.getMessage());
    }
    try {
      layout = AzsphereSettings.Layout.parse(settings.optionalString("output", "json"));
    } catch (IllegalArgumentException bad) {
      throw settings.error("output", "is not json, table or classic: " + bad.getMessage());
    }
    AzsphereCli cli =
        new AzsphereCli(
            ToolDevices.runner(settings),
            new AzsphereSettings(command, sideload, recover, which, layout));
    RfTool rfTool = rfTool(settings);
    String slot = settings.slot();
    Set<Class<? extends Capability>> capabilities =
        new LinkedHashSet<>(
            Set.of(
                Identity.class,
                ConnectionInfo.class,
                ImageStore.class,
                Recovery.class,
                ManufacturingStates.class,
                Wifi.class,
                Power.class,
                Ethernet.class));
    if (rfTool != null) {
      capabilities.add(Fuses.class);
    }
    return new ToolSlot(capabilities, () -> AzsphereDevice.attach(cli, rfTool, slot, target));
  }

  /** The slot's RF settings tool, or null when the slot names none (no e-fuses then). */
  private static RfTool rfTool(SlotSettings settings) {
    if (!settings.has("rf_tool")) {
      settings.accept("rf_tool");
      return null;
    }
    SlotSettings section = settings.section("rf_tool");
    Path path = Path.of(section.string("path"));
    if (!path.isAbsolute()) {
      path = settings.baseDirectory().resolve(path);
    }
    ToolRunner runner =
        new ToolRunner(ToolLocator.fromEnvironment().with(RfTool.TOOL, path))
            .withEnvironment(settings.environment());
    return new RfTool(runner, section.seconds("timeout_s", AzsphereSettings.DEFAULTS.command()));
  }
}
