package io.shipready.output.upload;

/**
 * The SFTP server could not be reached (or kept dropping the connection) for every attempt the
 * settings allow. Nothing is left half-written under a final name; the next run picks up where this
 * one stopped.
 */
public class SftpUnreachableException extends UploadException {
  public SftpUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
