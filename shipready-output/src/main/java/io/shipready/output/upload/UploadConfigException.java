package io.shipready.output.upload;

/**
 * The upload is set up wrongly: a bad target URL, a missing or contradictory environment variable,
 * an unreadable password or key file. Nothing was connected to and nothing was sent.
 */
public class UploadConfigException extends UploadException {
  public UploadConfigException(String message) {
    super(message);
  }

  public UploadConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
