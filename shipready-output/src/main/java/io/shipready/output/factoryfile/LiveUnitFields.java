package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.Event;
import io.shipready.core.spi.EventListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link UnitFields} of every run in progress on a station, kept up to date from its events, so
 * a label or a factory-file row can be made in the middle of a run from what the run learnt so far.
 * A run's fields are dropped once its record is stored.
 */
public final class LiveUnitFields implements EventListener {
  private final Map<String, Map<String, String>> runs = new ConcurrentHashMap<>();

  @Override
  public void on(Event event) {
    String runId = event.runId();
    if (runId == null) {
      return;
    }
    if (event instanceof Event.RunRecorded) {
      runs.remove(runId);
      return;
    }
    Map<String, String> fields = runs.computeIfAbsent(runId, id -> new LinkedHashMap<>());
    synchronized (fields) {
      UnitFields.add(fields, event);
    }
  }

  /** A copy of the run's fields so far; empty for a run this station has not seen. */
  public Map<String, String> of(String runId) {
    Map<String, String> fields = runs.get(requireNonNull(runId, "runId"));
    if (fields == null) {
      return Map.of();
    }
    synchronized (fields) {
      return new LinkedHashMap<>(fields);
    }
  }
}
