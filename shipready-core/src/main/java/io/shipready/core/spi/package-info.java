/**
 * Every extension point another module implements, in one place:
 *
 * <ul>
 *   <li>a unit's capabilities, which the steps are written against: {@link
 *       io.shipready.core.spi.Device} and its {@link io.shipready.core.spi.Capability} types
 *       ({@link io.shipready.core.spi.Programmer}, {@link io.shipready.core.spi.Identity}, {@link
 *       io.shipready.core.spi.Console}, {@link io.shipready.core.spi.Wifi}, {@link
 *       io.shipready.core.spi.Fuses}, ...);
 *   <li>device drivers that bind a slot of a slot map to the units in it ({@link
 *       io.shipready.core.spi.DeviceDriver}, {@link io.shipready.core.spi.SlotBinding}) and the
 *       settings they read ({@link io.shipready.core.spi.SlotSettings});
 *   <li>what a station is given to run with: where its units come from ({@link
 *       io.shipready.core.spi.UnitSource}), its record ({@link io.shipready.core.spi.RecordSink}),
 *       its displays ({@link io.shipready.core.spi.EventListener}), its images ({@link
 *       io.shipready.core.spi.ImageLibrary}), its operator ({@link
 *       io.shipready.core.spi.Prompter}), its printer and factory files ({@link
 *       io.shipready.core.spi.StationOutputs}) and the units earlier runs recorded ({@link
 *       io.shipready.core.spi.KnownUnits}) and the line's route it gates units by ({@link
 *       io.shipready.core.spi.RouteCheck});
 *   <li>messages for other systems, kept until a publisher delivered them ({@link
 *       io.shipready.core.spi.MessageOutbox}).
 * </ul>
 *
 * Implementations are found through {@link java.util.ServiceLoader} where a slot map or a recipe
 * names them (drivers), or given to the station by the one station assembly (the rest).
 */
package io.shipready.core.spi;
