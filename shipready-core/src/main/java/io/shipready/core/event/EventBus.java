package io.shipready.core.event;

import io.shipready.core.spi.EventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every event to every listener, in order per producing thread. A listener that throws is
 * logged and kept: one broken display must not stop a station or its record.
 */
public final class EventBus implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(EventBus.class);
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();

  public EventBus subscribe(EventListener listener) {
    listeners.add(listener);
    return this;
  }

  public void unsubscribe(EventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void on(Event event) {
    for (EventListener listener : listeners) {
      try {
        listener.on(event);
      } catch (RuntimeException broken) {
        log.warn("event listener {} failed on {}", listener, event, broken);
      }
    }
  }
}
