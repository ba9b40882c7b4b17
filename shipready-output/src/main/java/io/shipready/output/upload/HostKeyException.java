package io.shipready.output.upload;

/**
 * The SFTP server's host key is not the one this station trusts (it changed, or it is not in the
 * given known_hosts file), or it could not be recorded. Nothing was sent: the server may not be the
 * one the factory files are meant for.
 */
public class HostKeyException extends UploadException {
  public HostKeyException(String message) {
    super(message);
  }

  public HostKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
