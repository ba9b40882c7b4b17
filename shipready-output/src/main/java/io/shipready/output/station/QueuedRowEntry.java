package io.shipready.output.station;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A unit's row waiting in the station's row queue for the run's PASS to be stored.
 *
 * @param runId the run the row is of
 * @param stepId the step that queued it
 * @param file the kind of file, as the step named it
 * @param fields every field the row is made of, as they were when the step ran
 */
public record QueuedRowEntry(String runId, String stepId, String file, Map<String, String> fields) {
  public QueuedRowEntry {
    requireNonNull(runId, "runId");
    requireNonNull(stepId, "stepId");
    requireNonNull(file, "file");
    fields = Map.copyOf(fields);
  }
}
