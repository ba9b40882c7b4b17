package io.shipready.app.assembly;

import io.shipready.core.engine.AttachedUnit;
import io.shipready.device.emulated.ProbeUnits;
import io.shipready.device.emulated.SlotMap;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The slots a slot map names, each unit reached through its slot's driver. */
final class SlotMapSlots implements StationSlots {
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(10);

  private final Path file;
  private final SlotMap map;
  private final ProbeUnits units;

  SlotMapSlots(UnitSupply.SlotsFile supply) {
    this.file = supply.file();
    this.map = SlotMap.read(file);
    String prefix =
        supply.serialPrefix() != null
            ? supply.serialPrefix()
            : "U" + Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase(Locale.ROOT);
    this.units = new ProbeUnits(map, Integer.MAX_VALUE, prefix, BOOT_TIMEOUT);
  }

  @Override
  public List<String> names() {
    return map.slotNames();
  }

  @Override
  public AttachedUnit attach(int number, String slot) {
    return units.next(slot).orElseThrow();
  }

  @Override
  public boolean simulated() {
    return false;
  }

  @Override
  public Map<String, String> fields() {
    return Map.of("slots_file", file.getFileName().toString());
  }

  @Override
  public void close() {
    units.close();
  }
}
