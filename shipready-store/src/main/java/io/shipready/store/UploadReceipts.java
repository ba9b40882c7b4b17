package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.store.internal.Micros;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The receipts of factory files sent to an upload server, kept with the records so a re-run of the
 * day's upload never sends a file twice, and a unit's trace shows when its rows left the factory. A
 * receipt is committed (and on SQLite synced) before {@link #record} returns.
 */
public final class UploadReceipts {
  /** The outcome of an upload whose copy on the server was verified. */
  public static final String SENT = "SENT";

  private final Jdbi jdbi;

  UploadReceipts(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  /** Whether this content of the file was sent to the destination already. */
  public boolean alreadySent(String fileName, String destination, String sha256) {
    try {
      return jdbi.withHandle(
          handle ->
              handle
                      .createQuery(
                          "SELECT COUNT(*) FROM uploads WHERE file_name = :file AND destination ="
                              + " :destination AND sha256 = :sha AND outcome = :sent")
                      .bind("file", fileName)
                      .bind("destination", destination)
                      .bind("sha", sha256)
                      .bind("sent", SENT)
                      .mapTo(Long.class)
                      .one()
                  > 0);
    } catch (JdbiException failed) {
      throw new StoreUnavailableException(
          "cannot read the upload receipts: " + failed.getMessage(), failed);
    }
  }

  /**
   * Keeps an attempt's outcome.
   *
   * @param outcome {@link #SENT}, or what went wrong (REFUSED, FAILED)
   * @param message where the file is on the server, or why it is not
   */
  public void record(
      String fileName,
      String destination,
      String sha256,
      long sizeBytes,
      String outcome,
      String message,
      Instant at) {
    try {
      jdbi.useTransaction(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO uploads (file_name, destination, attempted_at, sha256,"
                          + " size_bytes, outcome, message) VALUES (:file, :destination, :at,"
                          + " :sha, :size, :outcome, :message)")
                  .bind("file", fileName)
                  .bind("destination", destination)
                  .bind("at", Micros.of(at))
                  .bind("sha", sha256)
                  .bind("size", sizeBytes)
                  .bind("outcome", outcome)
                  .bind("message", message)
                  .execute());
    } catch (JdbiException failed) {
      throw new StoreUnavailableException(
          "cannot keep the upload receipt of " + fileName + ": " + failed.getMessage(), failed);
    }
  }
}
