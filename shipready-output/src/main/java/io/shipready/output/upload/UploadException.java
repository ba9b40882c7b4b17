package io.shipready.output.upload;

import io.shipready.core.ShipreadyException;

/**
 * The end-of-day upload could not do its job as a whole (a single file that cannot be sent is not
 * an exception: it is reported in the {@link UploadReport}). Subclasses say what went wrong.
 */
public class UploadException extends ShipreadyException {
  public UploadException(String message) {
    super(message);
  }

  public UploadException(String message, Throwable cause) {
    super(message, cause);
  }
}
