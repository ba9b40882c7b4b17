package io.shipready.device.tools;

import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.SlotSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the vendor tools' drivers share: where the station's tools are, and the settings every tool
 * slot reads. Each tool's driver (a {@link io.shipready.core.spi.DeviceDriver} in the tool's
 * package) reads its own keys; the slot map ({@link io.shipready.device.slots.SlotMap}) lists them
 * all. Every slot names its own unit (connection path, serial port, probe serial); none is left to
 * "the only device attached".
 */
public final class ToolDevices {
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
   * The runner a tool slot's driver runs its tool with: the slot map's {@code tools:} block over
   * the environment's settings and the PATH, run with the slot map's {@code environment:}. The tool
   * is looked for when it is first run, so a missing tool is named (with the PATH searched) by the
   * step that needs it.
   */
  public static ToolRunner runner(SlotSettings settings) {
    return new ToolRunner(locator(settings.tools())).withEnvironment(settings.environment());
  }

  /** The slot's {@code regions: {name: address}}, for programmers that load raw binaries. */
  public static RegionAddresses regions(SlotSettings settings) {
    return new RegionAddresses(settings.addresses("regions"));
  }

  /** The slot's {@code timeout_s}: the limit for one tool run. */
  public static Duration timeout(SlotSettings settings, Duration fallback) {
    return settings.seconds("timeout_s", fallback);
  }
}
