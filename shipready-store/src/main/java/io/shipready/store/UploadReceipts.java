package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.store.internal.Micros;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The receipts of factory files sent to an upload server, kept with the records so a re-run of the
 * day's upload never sends a file twice, and a unit's trace shows when its rows left the factory. A
 * receipt is committed (and on SQLite synced) before {@link #record} returns.
 *
 * <p>Every attempt is kept, refused and failed ones too (with their reason), so the records say
 * what became of each try and the station's metrics count them across processes.
 */
public final class UploadReceipts {
  /** The outcome of an upload whose copy on the server was verified. */
  public static final String SENT = "SENT";

  /**
   * The outcome of a file not sent because sending it could overwrite or contradict something (a
   * different file of its name on the server or in the archive).
   */
  public static final String REFUSED = "REFUSED";

  /** The outcome of a file that could not be sent; the next upload tries it again. */
  public static final String FAILED = "FAILED";

  private final Jdbi jdbi;
  private final Jdbi readJdbi;

  UploadReceipts(Jdbi jdbi, Jdbi readJdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.readJdbi = requireNonNull(readJdbi, "readJdbi");
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
   * Keeps an attempt's outcome. An attempt never replaces another: one of the same file and
   * destination at the same microsecond (two files of one name in a run) is kept a microsecond
   * after it.
   *
   * @param sha256 the content's SHA-256, empty when the file was not read
   * @param sizeBytes the content's size, -1 when the file was not read
   * @param outcome {@link #SENT}, {@link #REFUSED} or {@link #FAILED}
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
                  .bind("at", freeMicros(handle, fileName, destination, Micros.of(at)))
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

  /** The attempt's time, or just after the newest attempt of the file that is not before it. */
  private static long freeMicros(Handle handle, String fileName, String destination, long at) {
    Long newest =
        handle
            .createQuery(
                "SELECT MAX(attempted_at) FROM uploads WHERE file_name = :file AND destination ="
                    + " :destination AND attempted_at >= :at")
            .bind("file", fileName)
            .bind("destination", destination)
            .bind("at", at)
            .mapTo(Long.class)
            .one();
    return newest == null ? at : newest + 1;
  }

  /** Every attempt kept, by outcome, and the newest receipt of a file sent. */
  public UploadTally tally() {
    List<OutcomeRow> rows;
    try {
      rows =
          readJdbi.withHandle(
              handle ->
                  handle
                      .createQuery(
                          "SELECT outcome, COUNT(*) AS attempts, MAX(attempted_at) AS newest"
                              + " FROM uploads GROUP BY outcome")
                      .map(
                          (rs, ctx) ->
                              new OutcomeRow(
                                  rs.getString("outcome"),
                                  rs.getLong("attempts"),
                                  rs.getLong("newest")))
                      .list());
    } catch (JdbiException failed) {
      throw new StoreUnavailableException(
          "cannot read the upload receipts: " + failed.getMessage(), failed);
    }
    Map<String, Long> attempts = new HashMap<>();
    Optional<Instant> lastSent = Optional.empty();
    for (OutcomeRow row : rows) {
      attempts.put(row.outcome(), row.attempts());
      if (SENT.equals(row.outcome())) {
        lastSent = Optional.of(Micros.instant(row.newest()));
      }
    }
    return new UploadTally(attempts, lastSent);
  }

  private record OutcomeRow(String outcome, long attempts, long newest) {}
}
