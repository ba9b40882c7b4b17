package io.shipready.output.upload;

/**
 * The SFTP server refused the login. Not retried: trying the same wrong credentials again only gets
 * the station's address blocked by the server.
 */
public class SftpLoginException extends UploadException {
  public SftpLoginException(String message, Throwable cause) {
    super(message, cause);
  }
}
