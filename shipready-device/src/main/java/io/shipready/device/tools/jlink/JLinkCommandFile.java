package io.shipready.device.tools.jlink;

import io.shipready.device.tools.RegionAddresses;
import java.nio.file.Path;
import java.util.List;

/**
 * The J-Link Commander script that programs one binary: select the device, interface and speed,
 * connect, reset and halt, load the file at its address, compare the flash with the file, reset and
 * run, exit.
 */
final class JLinkCommandFile {
  private JLinkCommandFile() {}

  static List<String> program(JLinkSettings settings, Path binary, long address) {
    String at = RegionAddresses.hex(address);
    return List.of(
        "device " + settings.device(),
        "si " + settings.targetInterface(),
        "speed " + settings.speedKhz(),
        "connect",
        "r",
        "h",
        "loadfile " + quoted(binary) + " " + at,
        "verifybin " + quoted(binary) + " " + at,
        "r",
        "g",
        "exit");
  }

  /** J-Link Commander reads a path with spaces only in quotes. */
  private static String quoted(Path file) {
    return "\"" + file + "\"";
  }
}
