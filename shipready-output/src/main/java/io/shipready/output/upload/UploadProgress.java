package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

/**
 * How far the upload is, for a progress bar.
 *
 * <p>{@code doneBytes} counts the bytes sent plus the sizes of files settled without sending (found
 * on the server already, refused), so it ends at {@code totalBytes}. When a connection drops and a
 * file is sent again, its bytes count again from zero, so the figure can step back.
 *
 * @param fileName the file being worked on
 * @param fileBytes bytes of it sent so far in this try
 * @param fileSize its size
 * @param doneBytes bytes done over the whole run
 * @param totalBytes bytes of every file that had no receipt at the start of the run
 */
public record UploadProgress(
    String fileName, long fileBytes, long fileSize, long doneBytes, long totalBytes) {
  public UploadProgress {
    requireNonNull(fileName, "fileName");
  }

  /** Done, as a fraction from 0 to 1 (1 when there is nothing to do). */
  public double fraction() {
    return totalBytes == 0 ? 1.0 : Math.min(1.0, (double) doneBytes / totalBytes);
  }
}
