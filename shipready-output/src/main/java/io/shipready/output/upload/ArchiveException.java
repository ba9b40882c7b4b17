package io.shipready.output.upload;

/**
 * A file could not be kept in the archive: the archive holds a different file of that name, or the
 * local disk failed. Reported for that one file; never retried as a connection fault.
 */
final class ArchiveException extends UploadException {
  ArchiveException(String message) {
    super(message);
  }

  ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
