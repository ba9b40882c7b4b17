package io.shipready.core.spi;

/**
 * Something a device can do for a step: report its identity, take an image, burn a fuse. Steps are
 * written against capabilities, never against a device family, so one recipe runs on the simulator,
 * on an emulated chip and on real hardware alike.
 *
 * <p>Long operations sleep or wait in ways that respond to {@link Thread#interrupt()}: that is how
 * the engine cancels a step that ran out of time.
 */
public interface Capability {}
