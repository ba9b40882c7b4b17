package io.shipready.output.upload;

/** The receipt book could not be read or written; the message names the file and the fix. */
public class ReceiptBookException extends UploadException {
  public ReceiptBookException(String message) {
    super(message);
  }

  public ReceiptBookException(String message, Throwable cause) {
    super(message, cause);
  }
}
