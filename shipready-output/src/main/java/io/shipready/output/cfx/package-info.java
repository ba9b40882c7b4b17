/**
 * IPC-CFX (IPC-2591) out of the factory: the publisher that takes a station's (or the back
 * office's) CFX messages from the store's outbox and hands them to an AMQP 1.0 broker (CFX's own
 * transport) and/or an MQTT broker, retrying with back-off while a broker is away, and the settings
 * a station configuration's {@code cfx:} section gives it.
 */
package io.shipready.output.cfx;
