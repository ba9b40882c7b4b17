/**
 * Instruments at a slot (power supplies, meters), given to the unit as capabilities: the {@code
 * scpi} driver speaks SCPI over a raw TCP socket.
 */
package io.shipready.device.instruments;
