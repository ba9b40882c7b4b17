package io.shipready.core.spi;

import io.shipready.core.event.Event;

/**
 * Receives a station's events. Called on the thread that produced the event, so it must return
 * quickly: hand slow work (writing to disk, drawing) to a thread of its own.
 */
@FunctionalInterface
public interface EventListener {
  void on(Event event);
}
