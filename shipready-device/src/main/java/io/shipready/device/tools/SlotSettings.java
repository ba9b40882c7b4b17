package io.shipready.device.tools;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One slot's block of tool settings as read from the station configuration (YAML maps, lists,
 * strings and numbers), with typed getters whose errors name the slot, the key and the fix. Keys
 * read are tracked so a misspelt key is reported instead of silently ignored.
 */
final class SlotSettings {
  private final String slot;
  private final Map<String, ?> block;
  private final Set<String> read = new TreeSet<>();

  SlotSettings(String slot, Map<String, ?> block) {
    this.slot = requireNonNull(slot, "slot");
    this.block = requireNonNull(block, "block");
  }

  String slot() {
    return slot;
  }

  String string(String key) {
    String value = optionalString(key, null);
    if (value == null || value.isBlank()) {
      throw error(key, "is missing; add it to the slot's settings");
    }
    return value;
  }

  String optionalString(String key, String fallback) {
    read.add(key);
    Object value = block.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String || value instanceof Number) {
      return value.toString();
    }
    throw error(key, "must be a text value, was " + value);
  }

  int number(String key, int fallback) {
    read.add(key);
    Object value = block.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    throw error(key, "must be a whole number, was " + value);
  }

  Duration seconds(String key, Duration fallback) {
    int seconds = number(key, (int) fallback.toSeconds());
    if (seconds < 1) {
      throw error(key, "must be at least 1 second, was " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }

  List<String> strings(String key) {
    read.add(key);
    Object value = block.get(key);
    if (value instanceof List<?> list && !list.isEmpty()) {
      return list.stream().map(String::valueOf).toList();
    }
    if (value instanceof String text && !text.isBlank()) {
      return List.of(text);
    }
    throw error(key, "must list at least one entry, was " + value);
  }

  /** {@code regions: {bootloader: 0x1000, app: 0x10000}}; addresses as hex text or numbers. */
  RegionAddresses regions() {
    read.add("regions");
    Object value = block.get("regions");
    if (value == null) {
      return new RegionAddresses(Map.of());
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error("regions", "must map region names to addresses, was " + value);
    }
    Map<String, Long> addresses = new LinkedHashMap<>();
    map.forEach(
        (region, address) ->
            addresses.put(
                String.valueOf(region),
                address instanceof Number number
                    ? number.longValue()
                    : RegionAddresses.parse(
                        "slot " + slot + " regions." + region, String.valueOf(address))));
    return new RegionAddresses(addresses);
  }

  /** Fails when the block has keys no getter asked for: a misspelt key would be lost. */
  void rejectUnknownKeys() {
    Set<String> unknown = new TreeSet<>(block.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new ShipreadyException(
          "slot " + slot + ": unknown setting(s) " + unknown + "; this driver reads " + read);
    }
  }

  ShipreadyException error(String key, String problem) {
    return new ShipreadyException("slot " + slot + ": setting '" + key + "' " + problem);
  }
}
