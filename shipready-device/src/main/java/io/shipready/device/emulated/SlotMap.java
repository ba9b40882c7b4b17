package io.shipready.device.emulated;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.device.gdb.Endpoint;
import io.shipready.device.gdb.GdbTargetSettings;
import io.shipready.device.gdb.MemoryRegion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The slot map: which debug probe and console each slot of a station uses. Written by {@code
 * shipready emulate} for emulated units, or by hand for real probes. Every key and default is here:
 *
 * <pre>
 * target: nrf51              # memory layout of every slot, unless a slot says otherwise
 * reset: system_reset        # monitor command that restarts the firmware (QEMU: system_reset,
 *                            # OpenOCD/pyOCD: "reset halt", J-Link: reset); "" = load SP and PC
 *                            # from the vector table
 * boot_banner: "BOOT"        # regex the firmware prints when it starts; "" = do not wait
 * line_ending: "\r\n"        # what ends a console command (\r\n, \r or \n)
 * timeout: 10s               # for the GDB server's replies
 * slots:
 *   - slot: "1"
 *     gdb: 127.0.0.1:3333                  # the probe server's GDB port
 *     console: tcp:127.0.0.1:4001          # or serial:/dev/ttyACM0@115200
 *   - slot: "2"
 *     gdb: 127.0.0.1:3334
 *     console: serial:/dev/ttyACM1
 *     regions: {app: {address: 0x0, size: 0x3FC00}}   # instead of the target preset
 *     identity: {address: 0x3FC00, size: 0x400}
 * </pre>
 *
 * Known targets: {@code nrf51} (flash region {@code app} at 0x0, 255 KiB; identity page at
 * 0x3FC00).
 */
public record SlotMap(List<SlotEndpoints> slots, String bootBanner, String lineEnding) {
  public static final String DEFAULT_RESET = "system_reset";
  public static final String DEFAULT_BOOT_BANNER = "BOOT";
  public static final String DEFAULT_LINE_ENDING = "\r\n";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public SlotMap {
    slots = List.copyOf(slots);
    requireNonNull(bootBanner, "bootBanner");
    requireNonNull(lineEnding, "lineEnding");
  }

  public List<String> slotNames() {
    return slots.stream().map(SlotEndpoints::slot).toList();
  }

  /**
   * Reads a slot map file.
   *
   * @throws ShipreadyException naming the file, the slot and the field that is wrong, and the fix
   */
  public static SlotMap read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new ShipreadyException("cannot read slot map " + file + ": " + unreadable.getMessage());
    }
    Object root;
    try {
      root =
          new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
    } catch (YamlEngineException notYaml) {
      throw new ShipreadyException(
          "slot map " + file + " is not valid YAML: " + notYaml.getMessage());
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw new ShipreadyException("slot map " + file + ": expected a mapping with a 'slots' list");
    }
    String where = "slot map " + file;
    String target = string(top, "target", "nrf51", where);
    String reset = string(top, "reset", DEFAULT_RESET, where);
    String banner = string(top, "boot_banner", DEFAULT_BOOT_BANNER, where);
    String ending = string(top, "line_ending", DEFAULT_LINE_ENDING, where);
    Duration timeout = duration(string(top, "timeout", "10s", where), where + ": timeout");
    if (!(top.get("slots") instanceof List<?> entries) || entries.isEmpty()) {
      throw new ShipreadyException(
          where + ": 'slots' must be a list with one entry per slot (slot, gdb, console)");
    }
    List<SlotEndpoints> slots = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    int index = 0;
    for (Object entry : entries) {
      index++;
      if (!(entry instanceof Map<?, ?> fields)) {
        throw new ShipreadyException(where + ": slots entry " + index + " is not a mapping");
      }
      String slot = string(fields, "slot", Integer.toString(index), where);
      String at = where + ", slot " + slot;
      if (!names.add(slot)) {
        throw new ShipreadyException(at + ": the slot name is used twice; give every slot its own");
      }
      Endpoint gdb;
      try {
        gdb = Endpoint.parse(required(fields, "gdb", at));
      } catch (IllegalArgumentException bad) {
        throw new ShipreadyException(at + ": gdb: " + bad.getMessage());
      }
      SlotEndpoints.ConsoleEndpoint console = null;
      Object consoleText = fields.get("console");
      if (consoleText != null) {
        try {
          console = SlotEndpoints.ConsoleEndpoint.parse(consoleText.toString());
        } catch (IllegalArgumentException bad) {
          throw new ShipreadyException(at + ": console: " + bad.getMessage());
        }
      }
      GdbTargetSettings preset =
          preset(string(fields, "target", target, at), gdb, string(fields, "reset", reset, at), at);
      List<MemoryRegion> regions = preset.regions();
      if (fields.get("regions") != null) {
        regions = regions(fields.get("regions"), at);
      }
      MemoryRegion identity = preset.identity();
      if (fields.get("identity") != null) {
        identity = region("identity", fields.get("identity"), at + ": identity");
      }
      slots.add(
          new SlotEndpoints(
              slot,
              new GdbTargetSettings(
                  gdb, timeout, regions, identity, preset.resetCommand(), preset.vectorTable()),
              console));
    }
    return new SlotMap(slots, banner, ending);
  }

  /** Writes the map in the format {@link #read} takes. */
  public void write(Path file, String header) {
    StringBuilder yaml = new StringBuilder();
    for (String line : header.split("\n")) {
      yaml.append("# ").append(line).append('\n');
    }
    yaml.append("target: nrf51\n");
    String reset = slots.isEmpty() ? DEFAULT_RESET : slots.get(0).target().resetCommand();
    yaml.append("reset: ").append(quote(reset)).append('\n');
    yaml.append("boot_banner: ").append(quote(bootBanner)).append('\n');
    yaml.append("line_ending: ").append(quote(lineEnding)).append('\n');
    yaml.append("slots:\n");
    for (SlotEndpoints slot : slots) {
      yaml.append("  - slot: ").append(quote(slot.slot())).append('\n');
      yaml.append("    gdb: ").append(slot.gdb()).append('\n');
      if (slot.console() != null) {
        yaml.append("    console: ").append(slot.console()).append('\n');
      }
    }
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
      Files.move(
          temporary,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException failed) {
      throw new ShipreadyException("cannot write slot map " + file + ": " + failed.getMessage());
    }
  }

  private static GdbTargetSettings preset(String name, Endpoint gdb, String reset, String at) {
    if (name.equals("nrf51")) {
      return GdbTargetSettings.nrf51(gdb, reset);
    }
    throw new ShipreadyException(
        at + ": unknown target '" + name + "'; known: nrf51 (or give regions and identity)");
  }

  private static List<MemoryRegion> regions(Object value, String at) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new ShipreadyException(
          at
              + ": regions must map names to {address, size}, e.g. {app: {address: 0x0, size: 0x3FC00}}");
    }
    List<MemoryRegion> regions = new ArrayList<>();
    map.forEach(
        (name, range) -> regions.add(region(name.toString(), range, at + ": regions." + name)));
    return regions;
  }

  private static MemoryRegion region(String name, Object value, String at) {
    if (!(value instanceof Map<?, ?> range)) {
      throw new ShipreadyException(at + ": expected {address: 0x..., size: ...}");
    }
    try {
      return new MemoryRegion(
          name,
          number(range.get("address"), at + ".address"),
          number(range.get("size"), at + ".size"));
    } catch (IllegalArgumentException bad) {
      throw new ShipreadyException(at + ": " + bad.getMessage());
    }
  }

  private static long number(Object value, String at) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value == null) {
      throw new ShipreadyException(at + " is missing");
    }
    String text = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
    try {
      return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    } catch (NumberFormatException bad) {
      throw new ShipreadyException(at + ": '" + value + "' is not a number (e.g. 0x3FC00 or 1024)");
    }
  }

  private static String required(Map<?, ?> fields, String key, String at) {
    Object value = fields.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new ShipreadyException(at + ": '" + key + "' is missing");
    }
    return value.toString();
  }

  private static String string(Map<?, ?> fields, String key, String fallback, String at) {
    Object value = fields.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map || value instanceof List) {
      throw new ShipreadyException(at + ": '" + key + "' must be a single value");
    }
    return value.toString();
  }

  private static Duration duration(String text, String at) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
    } catch (NumberFormatException bad) {
      // falls through to the message
    }
    throw new ShipreadyException(at + ": '" + text + "' is not a duration like 10s or 500ms");
  }

  private static String quote(String value) {
    return "\""
        + value
            .replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\r", "\\r")
            .replace("\n", "\\n")
        + "\"";
  }

  /** The slots as a map by name, in order. */
  public Map<String, SlotEndpoints> bySlot() {
    Map<String, SlotEndpoints> map = new LinkedHashMap<>();
    slots.forEach(s -> map.put(s.slot(), s));
    return map;
  }
}
