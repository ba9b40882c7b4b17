package io.shipready.device.tools;

import io.shipready.core.ShipreadyException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each named flash region (bootloader, softdevice, app...) starts, for programmers that load
 * raw binaries at an address. Comes from the slot's settings, e.g. {@code regions: {bootloader:
 * 0x1000, app: 0x10000}}.
 */
public record RegionAddresses(Map<String, Long> addresses) {
  public RegionAddresses {
    addresses = Map.copyOf(addresses);
    addresses.forEach(
        (region, address) -> {
          if (address < 0) {
            throw new IllegalArgumentException(
                "region " + region + " has a negative address " + address);
          }
        });
  }

  /**
   * The start address of a region.
   *
   * @throws ShipreadyException when the settings do not give one, naming the regions they do give
   */
  public long of(String tool, String region) {
    Long address = addresses.get(region);
    if (address == null) {
      throw new ShipreadyException(
          tool
              + ": no flash address for region '"
              + region
              + "'; add it under regions in the slot's settings (known: "
              + new TreeMap<>(addresses).keySet()
              + ")");
    }
    return address;
  }

  public static String hex(long address) {
    return String.format("0x%08x", address);
  }

  /** Parses 0x-prefixed hex or decimal, as the slot settings write addresses. */
  public static long parse(String field, String text) {
    String value = text.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      return value.startsWith("0x")
          ? Long.parseLong(value.substring(2), 16)
          : Long.parseLong(value);
    } catch (NumberFormatException bad) {
      throw new ShipreadyException(
          field + ": '" + text + "' is not an address; write it as hex (0x1000) or decimal");
    }
  }
}
