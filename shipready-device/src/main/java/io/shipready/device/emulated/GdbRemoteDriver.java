package io.shipready.device.emulated;

import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.gdb.Endpoint;
import io.shipready.device.gdb.GdbTargetSettings;
import io.shipready.device.gdb.MemoryRegion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code gdb-remote} driver: a unit on a debug probe's GDB server (OpenOCD, SEGGER's J-Link GDB
 * server, pyOCD, Black Magic Probe, QEMU's stub) and, when the slot names one, its console. Its
 * keys and defaults are listed with the slot map ({@link io.shipready.device.slots.SlotMap}).
 */
public final class GdbRemoteDriver implements DeviceDriver {
  public static final String NAME = "gdb-remote";
  public static final String DEFAULT_TARGET = "nrf51";
  public static final String DEFAULT_RESET = "system_reset";
  public static final String DEFAULT_BOOT_BANNER = "BOOT";
  public static final String DEFAULT_LINE_ENDING = "\r\n";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_BOOT_TIMEOUT = Duration.ofSeconds(10);

  @Override
  public String name() {
    return NAME;
  }

  /** The families of its targets' presets. */
  @Override
  public List<String> families() {
    return List.of(ProbeDevice.FAMILY);
  }

  @Override
  public String description() {
    return "a unit on a debug probe's GDB server (OpenOCD, J-Link, pyOCD, QEMU) and its console";
  }

  @Override
  public GdbRemoteSlot bind(SlotSettings settings) {
    Endpoint gdb;
    try {
      gdb = Endpoint.parse(settings.string("gdb"));
    } catch (IllegalArgumentException bad) {
      throw settings.error("gdb", "is wrong: " + bad.getMessage());
    }
    SlotEndpoints.ConsoleEndpoint console =
        settings.has("console") ? SlotEndpoints.ConsoleEndpoint.read(settings) : null;
    String target = settings.optionalString("target", DEFAULT_TARGET);
    String reset = settings.optionalString("reset", DEFAULT_RESET);
    if (!target.equals(DEFAULT_TARGET)) {
      throw settings.error(
          "target", "is '" + target + "'; known: nrf51 (or give regions and identity)");
    }
    GdbTargetSettings preset = GdbTargetSettings.nrf51(gdb, reset);
    List<MemoryRegion> regions = preset.regions();
    if (settings.has("regions")) {
      regions = regions(settings.section("regions"), settings);
    }
    MemoryRegion identity = preset.identity();
    if (settings.has("identity")) {
      identity = region("identity", settings.section("identity"));
    }
    Duration timeout = settings.duration("timeout", DEFAULT_TIMEOUT);
    String banner = settings.optionalString("boot_banner", DEFAULT_BOOT_BANNER);
    Pattern bootBanner;
    try {
      bootBanner = banner.isEmpty() ? null : Pattern.compile(banner);
    } catch (PatternSyntaxException bad) {
      throw settings.error("boot_banner", "is not a regular expression: " + bad.getDescription());
    }
    String lineEnding = SlotEndpoints.ConsoleEndpoint.lineEnding(settings);
    Duration bootTimeout = settings.duration("boot_timeout", DEFAULT_BOOT_TIMEOUT);
    SlotEndpoints endpoints =
        new SlotEndpoints(
            settings.slot(),
            new GdbTargetSettings(
                gdb, timeout, regions, identity, preset.resetCommand(), preset.vectorTable()),
            console);
    return new GdbRemoteSlot(endpoints, bootBanner, lineEnding, bootTimeout);
  }

  /**
   * A slot's keys in the slot map's format, for a map written in code ({@code shipready emulate}):
   * gdb and console always, regions and identity where they differ from the nrf51 preset, reset
   * where it differs from {@code stationReset}.
   */
  public static Map<String, Object> settings(SlotEndpoints endpoints, String stationReset) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("gdb", endpoints.gdb().toString());
    if (endpoints.console() != null) {
      settings.put("console", endpoints.console().toString());
    }
    GdbTargetSettings target = endpoints.target();
    GdbTargetSettings preset = GdbTargetSettings.nrf51(target.endpoint(), target.resetCommand());
    if (!target.regions().equals(preset.regions())) {
      Map<String, Object> regions = new LinkedHashMap<>();
      target.regions().forEach(region -> regions.put(region.name(), range(region)));
      settings.put("regions", regions);
    }
    if (target.identity() != null && !target.identity().equals(preset.identity())) {
      settings.put("identity", range(target.identity()));
    }
    if (!target.resetCommand().equals(stationReset)) {
      settings.put("reset", target.resetCommand());
    }
    if (!target.timeout().equals(DEFAULT_TIMEOUT)) {
      settings.put("timeout", target.timeout().toMillis() + "ms");
    }
    return settings;
  }

  private static Map<String, Object> range(MemoryRegion region) {
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("address", String.format("0x%X", region.address()));
    range.put("size", String.format("0x%X", region.size()));
    return range;
  }

  private static List<MemoryRegion> regions(SlotSettings block, SlotSettings slot) {
    if (block.keys().isEmpty()) {
      throw slot.error(
          "regions",
          "must map names to {address, size}, e.g. {app: {address: 0x0, size: 0x3FC00}}");
    }
    List<MemoryRegion> regions = new ArrayList<>();
    for (String name : block.keys()) {
      regions.add(region(name, block.section(name)));
    }
    return regions;
  }

  private static MemoryRegion region(String name, SlotSettings range) {
    long address = range.address("address");
    long size = range.address("size");
    try {
      return new MemoryRegion(name, address, size);
    } catch (IllegalArgumentException bad) {
      throw range.error("size", "is wrong: " + bad.getMessage());
    }
  }
}
