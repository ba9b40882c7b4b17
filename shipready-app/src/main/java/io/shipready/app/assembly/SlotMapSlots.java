package io.shipready.app.assembly;

import io.shipready.core.ShipreadyException;
import io.shipready.core.engine.CapabilityCheck;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.slots.SlotMap;
import io.shipready.device.slots.SlotUnits;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The slots a slot map names, each unit reached through its slot's driver. Before any unit is
 * attached, every step of the recipe is checked against every slot's capabilities, so a station
 * whose slots cannot do the recipe stops with one message instead of failing unit after unit.
 */
final class SlotMapSlots implements StationSlots {
  private final Path file;
  private final SlotMap map;
  private final SlotUnits units;

  SlotMapSlots(Recipe recipe, UnitSupply.SlotsFile supply) {
    this.file = supply.file();
    this.map = SlotMap.read(file);
    CapabilityCheck.check(recipe, StandardSteps.library(), map.capabilitySlots())
        .ifPresent(
            problem -> {
              throw new ShipreadyException("slot map " + file + ": " + problem);
            });
    String prefix =
        supply.serialPrefix() != null
            ? supply.serialPrefix()
            : "U" + Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase(Locale.ROOT);
    this.units = new SlotUnits(map, Integer.MAX_VALUE, prefix);
  }

  @Override
  public List<String> names() {
    return map.slotNames();
  }

  @Override
  public AttachedUnit attach(int number, String slot) throws InterruptedException {
    return units.attach(number, slot);
  }

  @Override
  public boolean simulated() {
    return map.slots().stream().allMatch(slot -> slot.driver().equals("simulated"));
  }

  @Override
  public Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("slots_file", file.getFileName().toString());
    map.slots().forEach(slot -> fields.put("slot." + slot.slot() + ".driver", slot.driver()));
    return fields;
  }

  @Override
  public void close() {
    units.close();
  }
}
