package io.shipready.device.slots;

import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Identity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit identified both by its firmware over the console and by its driver from the chip (a J-Link
 * reading an nRF's FICR): the firmware's identifiers come first and win, since they are the
 * product's own (an Afero device id is not the chip's); the chip adds the kinds the firmware does
 * not tell.
 */
record CombinedIdentity(Identity firmware, Identity chip) implements Identity {
  @Override
  public List<Identifier> identifiers() throws InterruptedException {
    List<Identifier> all = new ArrayList<>(firmware.identifiers());
    Set<String> kinds = new HashSet<>();
    all.forEach(id -> kinds.add(id.kind()));
    for (Identifier id : chip.identifiers()) {
      if (kinds.add(id.kind())) {
        all.add(id);
      }
    }
    return all;
  }

  @Override
  public Map<String, String> versions() throws InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(chip.versions());
    all.putAll(firmware.versions());
    return all;
  }
}
