/**
 * Particle's station output: the provisioning queue ({@code provisioning_queue}), one CSV row per
 * unit for the back office's provisioning client, registered as a factory-file kind.
 */
package io.shipready.output.particle;
