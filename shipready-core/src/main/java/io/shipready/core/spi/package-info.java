/**
 * The extension points other modules implement: device drivers that bind a slot of a slot map to
 * the units in it ({@link io.shipready.core.spi.DeviceDriver}, {@link
 * io.shipready.core.spi.SlotBinding}), and the settings they read ({@link
 * io.shipready.core.spi.SlotSettings}).
 */
package io.shipready.core.spi;
