package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A queue row the run cannot honour, with where it is and how to fix it.
 *
 * @param file the queue file
 * @param line the row's line (1 is the header)
 * @param column the column at fault
 * @param deviceId the row's device id as written, or empty
 * @param problem what is wrong and the fix
 */
public record RowRefusal(Path file, int line, String column, String deviceId, String problem) {
  public RowRefusal {
    requireNonNull(file, "file");
    requireNonNull(column, "column");
    deviceId = deviceId == null ? "" : deviceId;
    requireNonNull(problem, "problem");
  }

  /** {@code units.csv line 7, column device_id: 'e00f…' is not …}. */
  public String describe() {
    return file + " line " + line + ", column " + column + ": " + problem;
  }
}
