package io.shipready.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A unit's factory-file row, checked and kept on the disk until the run's PASS is stored for good;
 * only then is it appended to the day's file.
 *
 * @param file the kind of file it is for, as the step named it ({@code afero_programming})
 * @param queuedAs where it waits, as the station's outputs name it
 */
public record QueuedRow(String file, String queuedAs) {
  public QueuedRow {
    requireNonNull(file, "file");
    requireNonNull(queuedAs, "queuedAs");
  }

  /** What the step's log says. */
  public String describe() {
    return "row for "
        + file
        + " queued as "
        + queuedAs
        + "; it is written to the day's file once the run's PASS is stored";
  }
}
