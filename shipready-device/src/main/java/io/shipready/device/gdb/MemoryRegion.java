package io.shipready.device.gdb;

import static java.util.Objects.requireNonNull;

/**
 * A named range of target memory a recipe's flash step can name as its region: {@code app} at 0x0
 * on an nRF51, {@code bootloader} at 0x08000000 on an STM32.
 */
public record MemoryRegion(String name, long address, long size) {
  public MemoryRegion {
    requireNonNull(name, "name");
    if (address < 0 || size <= 0) {
      throw new IllegalArgumentException(
          "region " + name + " needs an address >= 0 and a size > 0");
    }
  }

  public long end() {
    return address + size;
  }

  @Override
  public String toString() {
    return name + " (0x" + Long.toHexString(address) + ", " + size + " bytes)";
  }
}
