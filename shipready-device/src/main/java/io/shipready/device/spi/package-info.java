/**
 * The device module's own extension points: interfaces whose implementations build on the
 * simulator's parts ({@link io.shipready.device.sim.SimUnit}, {@link
 * io.shipready.device.sim.FamilyModel}, {@link io.shipready.device.sim.Fault}), so they cannot be
 * written with core types alone and do not belong in {@code io.shipready.core.spi}.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: a vendor's package holds its
 * implementation, and the module's {@code META-INF/services/<interface name>} lists it.
 */
package io.shipready.device.spi;
