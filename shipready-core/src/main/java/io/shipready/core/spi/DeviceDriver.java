package io.shipready.core.spi;

/**
 * A way of reaching the units in a slot: a vendor tool, a debug probe's GDB server, the simulator,
 * an instrument. A station's slot map names a driver for each slot; drivers are found with {@link
 * java.util.ServiceLoader} (register an implementation in {@code
 * META-INF/services/io.shipready.core.spi.DeviceDriver}), so adding a vendor adds a driver and no
 * generic class changes.
 *
 * <p>Binding reads and checks the slot's settings only; it reaches no hardware, so a station can
 * refuse a slot map, or a recipe its slots cannot run, before the first unit.
 */
public interface DeviceDriver {
  /** The name a slot map's {@code driver} key takes, e.g. {@code jlink}. */
  String name();

  /** One line for people: what the driver drives and through what. */
  String description();

  /**
   * The device families whose units this driver reaches as its own (its tool's or target's family),
   * so recipes may name them. A driver whose slots name their family ({@code jlink}) lists none.
   */
  default java.util.List<String> families() {
    return java.util.List.of();
  }

  /**
   * The slot as this driver will drive it. Reads every setting it uses through {@code settings}'
   * getters (the slot map refuses keys no one read), and opens nothing.
   *
   * @throws io.shipready.core.ShipreadyException from {@link SlotSettings#error} when a setting is
   *     missing or wrong, naming the file, the slot, the key and the fix
   */
  SlotBinding bind(SlotSettings settings);
}
