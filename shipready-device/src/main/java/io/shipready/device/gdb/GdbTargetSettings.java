package io.shipready.device.gdb;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to reach and drive one target through a GDB server.
 *
 * @param endpoint the GDB server of this slot's probe (or emulator)
 * @param timeout for connecting and for every reply
 * @param regions the flash regions recipes may name, with their addresses
 * @param identity where the identity block goes (a flash page of its own); null when the target
 *     takes none
 * @param resetCommand the monitor command that resets the target so that it starts from its vector
 *     table ({@code system_reset} on QEMU, {@code reset halt} on OpenOCD and pyOCD, {@code reset}
 *     on J-Link); blank to start the firmware by loading SP and PC from the vector table instead
 * @param vectorTable where the firmware's vector table is, for a start without a reset command
 */
public record GdbTargetSettings(
    Endpoint endpoint,
    Duration timeout,
    List<MemoryRegion> regions,
    MemoryRegion identity,
    String resetCommand,
    long vectorTable) {

  public GdbTargetSettings {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(timeout, "timeout");
    regions = List.copyOf(regions);
    resetCommand = resetCommand == null ? "" : resetCommand.strip();
  }

  /** An nRF51822 (BBC micro:bit, or QEMU's {@code -M microbit}) with the test firmware's layout. */
  public static GdbTargetSettings nrf51(Endpoint endpoint, String resetCommand) {
    return new GdbTargetSettings(
        endpoint,
        Duration.ofSeconds(10),
        List.of(new MemoryRegion("app", 0x0, 0x3FC00)),
        new MemoryRegion("identity", 0x3FC00, 0x400),
        resetCommand,
        0x0);
  }

  public Optional<MemoryRegion> region(String name) {
    return regions.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
