package io.shipready.device.emulated;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.SlotBinding;
import io.shipready.device.slots.MappedSlot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A slot map whose slots are all {@code gdb-remote}, as GDB servers and consoles: the view the
 * emulated line's commands had before slot maps named a driver per slot. It reads and writes the
 * one slot-map format of {@link io.shipready.device.slots.SlotMap}, where every key is described.
 *
 * @deprecated read slot maps with {@link io.shipready.device.slots.SlotMap#read} and attach their
 *     units with {@link io.shipready.device.slots.SlotUnits}, which take every driver
 */
@Deprecated(forRemoval = true)
public record SlotMap(List<SlotEndpoints> slots, String bootBanner, String lineEnding) {
  public static final String DEFAULT_RESET = GdbRemoteDriver.DEFAULT_RESET;
  public static final String DEFAULT_BOOT_BANNER = GdbRemoteDriver.DEFAULT_BOOT_BANNER;
  public static final String DEFAULT_LINE_ENDING = GdbRemoteDriver.DEFAULT_LINE_ENDING;
  public static final Duration DEFAULT_TIMEOUT = GdbRemoteDriver.DEFAULT_TIMEOUT;

  public SlotMap {
    slots = List.copyOf(slots);
    requireNonNull(bootBanner, "bootBanner");
    requireNonNull(lineEnding, "lineEnding");
  }

  public List<String> slotNames() {
    return slots.stream().map(SlotEndpoints::slot).toList();
  }

  /**
   * Reads a slot map file of {@code gdb-remote} slots.
   *
   * @throws ShipreadyException naming the file, the slot and the key that is wrong, and the fix; or
   *     a slot of another driver or with a fixture
   */
  public static SlotMap read(Path file) {
    return of(io.shipready.device.slots.SlotMap.read(file));
  }

  /** The GDB servers and consoles of a slot map whose slots are all {@code gdb-remote}. */
  public static SlotMap of(io.shipready.device.slots.SlotMap map) {
    List<SlotEndpoints> endpoints = new ArrayList<>();
    String banner = DEFAULT_BOOT_BANNER;
    String ending = DEFAULT_LINE_ENDING;
    for (MappedSlot slot : map.slots()) {
      SlotBinding binding = slot.binding();
      if (!(binding instanceof GdbRemoteSlot gdb)) {
        throw new ShipreadyException(
            map.source()
                + ", slot "
                + slot.slot()
                + " ("
                + slot.driver()
                + "): this command drives gdb-remote slots without a fixture only; give the slot"
                + " driver: gdb-remote and a gdb address");
      }
      endpoints.add(gdb.endpoints());
      banner = gdb.bootBanner() == null ? "" : gdb.bootBanner().pattern();
      ending = gdb.lineEnding();
    }
    return new SlotMap(endpoints, banner, ending);
  }

  /** The same slots as a slot map of {@code gdb-remote} slots. */
  public io.shipready.device.slots.SlotMap toSlotMap(Duration bootTimeout) {
    String reset = slots.isEmpty() ? DEFAULT_RESET : slots.get(0).target().resetCommand();
    io.shipready.device.slots.SlotMap.Builder builder =
        io.shipready.device.slots.SlotMap.builder()
            .source("slot map of gdb-remote slots")
            .defaultValue("reset", reset)
            .defaultValue("boot_banner", bootBanner)
            .defaultValue("line_ending", lineEnding);
    if (!bootTimeout.equals(GdbRemoteDriver.DEFAULT_BOOT_TIMEOUT)) {
      builder.defaultValue("boot_timeout", bootTimeout.toMillis() + "ms");
    }
    for (SlotEndpoints slot : slots) {
      builder.slot(slot.slot(), GdbRemoteDriver.NAME, GdbRemoteDriver.settings(slot, reset));
    }
    return builder.build();
  }

  /** Writes the map in the slot-map format, every slot {@code driver: gdb-remote}. */
  public void write(Path file, String header) {
    toSlotMap(GdbRemoteDriver.DEFAULT_BOOT_TIMEOUT).write(file, header);
  }

  /** The slots as a map by name, in order. */
  public Map<String, SlotEndpoints> bySlot() {
    Map<String, SlotEndpoints> map = new LinkedHashMap<>();
    slots.forEach(s -> map.put(s.slot(), s));
    return map;
  }
}
