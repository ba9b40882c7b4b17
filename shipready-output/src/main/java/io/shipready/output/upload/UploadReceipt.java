package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Proof that one file is on the upload server with exactly our content.
 *
 * @param fileName the file's name, the same locally, in the archive and on the server
 * @param size its size in bytes
 * @param sha256 its SHA-256, lower-case hex, checked against the server's copy
 * @param remotePath where it is on the server
 * @param sentAt when the receipt was made (after the server's copy was verified)
 * @param serverListingSize the size the server reported for it after the upload
 */
public record UploadReceipt(
    String fileName,
    long size,
    String sha256,
    String remotePath,
    Instant sentAt,
    long serverListingSize) {
  public UploadReceipt {
    requireNonNull(fileName, "fileName");
    requireNonNull(sha256, "sha256");
    requireNonNull(remotePath, "remotePath");
    requireNonNull(sentAt, "sentAt");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "sha256 of " + fileName + " must be 64 lower-case hex digits, was '" + sha256 + "'");
    }
    if (size < 0 || serverListingSize < 0) {
      throw new IllegalArgumentException("sizes of " + fileName + " must not be negative");
    }
  }
}
